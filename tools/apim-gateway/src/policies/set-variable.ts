import {
  checkAttributes,
  checkChildren,
  checkNoText,
  literalAttribute,
  stringAttribute,
} from './attributes.js';
import { ALL_SECTIONS, type PolicyDefinition } from './policy-node.js';

export const setVariable: PolicyDefinition = {
  sections: ALL_SECTIONS,
  compile(element, cc) {
    checkAttributes(element, cc, ['name', 'value'], ['name', 'value']);
    checkChildren(element, cc, []);
    checkNoText(element, cc);
    const name = literalAttribute(element, cc, 'name') as string;
    const value = stringAttribute(element, cc, 'value');
    if (
      value?.type === 'static:string' ||
      value?.type === 'multimap' ||
      value?.type === 'request'
    ) {
      cc.fail(
        `set-variable value must be a primitive, string, Guid, DateTime or Jwt`,
        element.line,
      );
    }
    return {
      execute(ctx) {
        ctx.variables.set(name, value?.evaluate(ctx.scope) ?? null);
      },
    };
  },
};
