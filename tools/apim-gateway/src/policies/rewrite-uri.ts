import { ExpressionRuntimeError } from '../expressions/expression-error.js';
import type { PolicyValue } from '../expressions/policy-value.js';
import { QueryBag } from '../http/query-bag.js';
import {
  asString,
  booleanAttribute,
  checkAttributes,
  checkChildren,
  checkNoText,
  stringAttribute,
} from './attributes.js';
import type { PolicyDefinition } from './policy-definition.js';

export const rewriteUri: PolicyDefinition = {
  sections: ['inbound'],
  compile(element, cc) {
    checkAttributes(element, cc, ['template', 'copy-unmatched-params'], ['template']);
    checkChildren(element, cc, []);
    checkNoText(element, cc);
    const template = stringAttribute(element, cc, 'template') as PolicyValue;
    const copyUnmatched = booleanAttribute(element, cc, 'copy-unmatched-params', true);
    return {
      execute(ctx) {
        const raw = asString(template.evaluate(ctx.scope));
        const used = new Set<string>();
        const expanded = raw.replace(/\{([^{}]+)\}/g, (_whole, name: string) => {
          const value = ctx.matchedParameters.get(name) ?? ctx.query.values(name)?.[0];
          if (value === undefined) {
            throw new ExpressionRuntimeError(
              `rewrite-uri template parameter {${name}} is not a parameter of the operation`,
            );
          }
          used.add(name);
          return encodeURIComponent(value);
        });
        const [pathPart = '', queryPart = ''] = expanded.split(/\?(.*)/s);
        const query = QueryBag.parse(queryPart);
        if (copyUnmatched) {
          for (const name of ctx.query.names()) {
            if (!used.has(name) && !query.has(name))
              query.append(name, ctx.query.values(name) ?? []);
          }
        }
        ctx.operationPath = pathPart.startsWith('/') ? pathPart : `/${pathPart}`;
        ctx.query = query;
      },
    };
  },
};
