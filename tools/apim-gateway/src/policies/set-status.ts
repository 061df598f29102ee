import type { PolicyValue } from '../expressions/policy-value.js';
import { headerValueProblem } from '../http/header-validation.js';
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
        const status = code(ctx.scope);
        const phrase = reason ? asString(reason.evaluate(ctx.scope)) : '';
        const problem = headerValueProblem(phrase);
        if (problem) throw new Error(`the reason phrase cannot be sent: ${problem}`);
        ctx.response.status = status;
        ctx.response.reason = phrase;
      },
    };
  },
};
