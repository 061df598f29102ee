import { errorResponse } from '../pipeline/gateway-response.js';
import { PolicyFailure } from '../pipeline/signals.js';
import {
  asString,
  booleanAttribute,
  checkAttributes,
  checkChildren,
  type Evaluator,
  integerAttribute,
  stringAttribute,
  textValue,
} from './attributes.js';
import type { PolicyDefinition } from './policy-definition.js';

export const checkHeader: PolicyDefinition = {
  sections: ['inbound'],
  compile(element, cc) {
    const required = ['name', 'failed-check-httpcode', 'failed-check-error-message', 'ignore-case'];
    checkAttributes(element, cc, required, required);
    checkChildren(element, cc, ['value']);
    const name = stringAttribute(element, cc, 'name');
    const code = integerAttribute(element, cc, 'failed-check-httpcode', {
      min: 100,
      max: 599,
      expressions: true,
    }) as Evaluator<number>;
    const message = stringAttribute(element, cc, 'failed-check-error-message');
    const ignoreCase = booleanAttribute(element, cc, 'ignore-case', false);
    const values = element.children.map((child, i) => textValue(child, cc.at(`value[${i + 1}]`)));
    return {
      execute(ctx) {
        const header = asString(name?.evaluate(ctx.scope));
        const present = ctx.requestHeaders.values(header);
        const fail = (reason: string, detail: string): never => {
          const status = code(ctx.scope);
          throw new PolicyFailure(
            { source: 'check-header', reason, message: detail },
            errorResponse(status, asString(message?.evaluate(ctx.scope))),
          );
        };
        if (present === undefined)
          fail('HeaderNotFound', `Header ${header} was not found in the request. Access denied.`);
        if (values.length === 0) return;
        const normalize = (s: string): string => (ignoreCase ? s.toLowerCase() : s).trim();
        const allowed = values.map((v) => normalize(asString(v.evaluate(ctx.scope))));
        const actual = (present ?? []).flatMap((v) => [v, ...v.split(',')]).map(normalize);
        if (!actual.some((v) => allowed.includes(v))) {
          fail('HeaderValueNotAllowed', `Header ${header} value is not allowed. Access denied.`);
        }
      },
    };
  },
};
