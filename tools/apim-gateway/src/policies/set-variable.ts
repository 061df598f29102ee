import type { TypeName } from '../expressions/type-system.js';
import { ALL_SECTIONS } from '../pipeline/section.js';
import {
  checkAttributes,
  checkChildren,
  checkNoText,
  literalAttribute,
  stringAttribute,
} from './attributes.js';
import type { PolicyDefinition } from './policy-definition.js';

// APIM stores only whitelisted types (primitives, string, Guid, DateTime, Jwt, ...), never context objects.
const STORABLE: readonly TypeName[] = [
  'string',
  'number',
  'bool',
  'guid',
  'datetime',
  'jwt',
  'null',
  'object',
  'stringArray',
];

export const setVariable: PolicyDefinition = {
  sections: ALL_SECTIONS,
  compile(element, cc) {
    checkAttributes(element, cc, ['name', 'value'], ['name', 'value']);
    checkChildren(element, cc, []);
    checkNoText(element, cc);
    const name = literalAttribute(element, cc, 'name') as string;
    const value = stringAttribute(element, cc, 'value');
    if (value && !STORABLE.includes(value.type)) {
      cc.fail(
        `set-variable value of type ${value.type} cannot be stored in context.Variables`,
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
