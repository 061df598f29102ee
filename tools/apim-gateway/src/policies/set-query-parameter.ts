import type { PolicyValue } from '../expressions/policy-value.js';
import {
  asString,
  checkAttributes,
  checkChildren,
  enumAttribute,
  stringAttribute,
  textValue,
} from './attributes.js';
import type { PolicyDefinition } from './policy-node.js';

export const setQueryParameter: PolicyDefinition = {
  sections: ['inbound', 'backend'],
  compile(element, cc) {
    checkAttributes(element, cc, ['name', 'exists-action'], ['name']);
    checkChildren(element, cc, ['value']);
    const action = enumAttribute(
      element,
      cc,
      'exists-action',
      ['override', 'skip', 'append', 'delete'],
      'override',
    );
    const name = stringAttribute(element, cc, 'name') as PolicyValue;
    const values = element.children.map((child, i) => textValue(child, cc.at(`value[${i + 1}]`)));
    if (action !== 'delete' && values.length === 0) {
      cc.fail(
        `<set-query-parameter exists-action="${action}"> needs at least one <value>`,
        element.line,
      );
    }
    return {
      execute(ctx) {
        const parameter = asString(name.evaluate(ctx.scope));
        if (action === 'delete') {
          ctx.query.delete(parameter);
          return;
        }
        if (action === 'skip' && ctx.query.has(parameter)) return;
        const evaluated = values
          .map((value) => value.evaluate(ctx.scope))
          .filter((value) => value !== null && value !== undefined)
          .map((value) => asString(value));
        if (action === 'append') ctx.query.append(parameter, evaluated);
        else ctx.query.set(parameter, evaluated);
      },
    };
  },
};
