import { asString } from './attributes.js';
import { compileNamedValuePolicy, evaluateValues } from './named-value-policy.js';
import type { PolicyDefinition } from './policy-definition.js';

export const setQueryParameter: PolicyDefinition = {
  sections: ['inbound', 'backend'],
  compile(element, cc) {
    const { action, name, values } = compileNamedValuePolicy(element, cc);
    return {
      execute(ctx) {
        const parameter = asString(name.evaluate(ctx.scope));
        if (action === 'delete') {
          ctx.query.delete(parameter);
          return;
        }
        if (action === 'skip' && ctx.query.has(parameter)) return;
        const evaluated = evaluateValues(values, ctx.scope);
        if (action === 'append') ctx.query.append(parameter, evaluated);
        else ctx.query.set(parameter, evaluated);
      },
    };
  },
};
