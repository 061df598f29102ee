import { ALL_SECTIONS } from '../pipeline/section.js';
import {
  asString,
  checkAttributes,
  checkChildren,
  checkNoText,
  enumAttribute,
  type Evaluator,
  integerAttribute,
  literalAttribute,
  stringAttribute,
} from './attributes.js';
import type { PolicyDefinition } from './policy-definition.js';

const CACHING_TYPES = ['internal', 'external', 'prefer-external'] as const;

export const cacheLookupValue: PolicyDefinition = {
  sections: ALL_SECTIONS,
  compile(element, cc) {
    checkAttributes(
      element,
      cc,
      ['key', 'variable-name', 'default-value', 'caching-type'],
      ['key', 'variable-name'],
    );
    checkChildren(element, cc, []);
    checkNoText(element, cc);
    enumAttribute(element, cc, 'caching-type', CACHING_TYPES, 'prefer-external');
    const key = stringAttribute(element, cc, 'key');
    const variable = literalAttribute(element, cc, 'variable-name') as string;
    const fallback = stringAttribute(element, cc, 'default-value');
    return {
      execute(ctx) {
        const cached = cc.services.valueCache.get(`value:${asString(key?.evaluate(ctx.scope))}`);
        if (cached !== undefined) ctx.variables.set(variable, cached);
        else if (fallback) ctx.variables.set(variable, fallback.evaluate(ctx.scope));
      },
    };
  },
};

export const cacheStoreValue: PolicyDefinition = {
  sections: ALL_SECTIONS,
  compile(element, cc) {
    checkAttributes(
      element,
      cc,
      ['key', 'value', 'duration', 'caching-type'],
      ['key', 'value', 'duration'],
    );
    checkChildren(element, cc, []);
    checkNoText(element, cc);
    enumAttribute(element, cc, 'caching-type', CACHING_TYPES, 'prefer-external');
    const key = stringAttribute(element, cc, 'key');
    const value = stringAttribute(element, cc, 'value');
    const duration = integerAttribute(element, cc, 'duration', {
      min: 1,
      expressions: true,
    }) as Evaluator<number>;
    return {
      execute(ctx) {
        cc.services.valueCache.set(
          `value:${asString(key?.evaluate(ctx.scope))}`,
          value?.evaluate(ctx.scope) ?? null,
          duration(ctx.scope),
        );
      },
    };
  },
};

export const cacheRemoveValue: PolicyDefinition = {
  sections: ALL_SECTIONS,
  compile(element, cc) {
    checkAttributes(element, cc, ['key', 'caching-type'], ['key']);
    checkChildren(element, cc, []);
    checkNoText(element, cc);
    enumAttribute(element, cc, 'caching-type', CACHING_TYPES, 'prefer-external');
    const key = stringAttribute(element, cc, 'key');
    return {
      execute(ctx) {
        cc.services.valueCache.delete(`value:${asString(key?.evaluate(ctx.scope))}`);
      },
    };
  },
};
