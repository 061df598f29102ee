import type { PolicyValue } from '../expressions/policy-value.js';
import { emptyResponse } from '../pipeline/gateway-response.js';
import { ALL_SECTIONS } from '../pipeline/section.js';
import {
  asString,
  checkAttributes,
  checkChildren,
  checkNoText,
  type Evaluator,
  integerAttribute,
  stringAttribute,
} from './attributes.js';
import type { PolicyDefinition } from './policy-definition.js';

export const setStatus: PolicyDefinition = {
  sections: ALL_SECTIONS,
  compile(element, cc) {
    checkAttributes(element, cc, ['code', 'reason'], ['code']);
    checkChildren(element, cc, []);
    checkNoText(element, cc);
    const code = integerAttribute(element, cc, 'code', {
      min: 100,
      max: 599,
      expressions: true,
    }) as Evaluator<number>;
    const reason = stringAttribute(element, cc, 'reason') as PolicyValue | undefined;
    return {
      execute(ctx) {
        ctx.response ??= emptyResponse();
        ctx.response.status = code(ctx.scope);
        ctx.response.reason = reason ? asString(reason.evaluate(ctx.scope)) : '';
      },
    };
  },
};
