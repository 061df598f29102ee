import type { PolicyValue } from '../expressions/policy-value.js';
import {
  asString,
  checkAttributes,
  checkChildren,
  enumAttribute,
  stringAttribute,
  textValue,
} from './attributes.js';
import { ALL_SECTIONS, type PolicyDefinition } from './policy-node.js';
import { targetHeaders } from './target-headers.js';

const PROTECTED = ['connection', 'content-length', 'keep-alive', 'transfer-encoding'];
// APIM sends these as repeated header lines instead of one comma-joined value.
const MULTI_LINE = new Set([
  'user-agent',
  'www-authenticate',
  'proxy-authenticate',
  'cookie',
  'set-cookie',
  'warning',
  'date',
  'expires',
  'if-modified-since',
  'if-unmodified-since',
  'last-modified',
  'retry-after',
]);

export const setHeader: PolicyDefinition = {
  sections: ALL_SECTIONS,
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
    if (!name.isExpression && PROTECTED.includes(name.source.toLowerCase())) {
      cc.fail(`APIM does not allow set-header to change "${name.source}"`, element.line);
    }
    const values = element.children.map((child, i) => textValue(child, cc.at(`value[${i + 1}]`)));
    if (action !== 'delete' && values.length === 0) {
      cc.fail(`<set-header exists-action="${action}"> needs at least one <value>`, element.line);
    }
    return {
      execute(ctx) {
        const headerName = asString(name.evaluate(ctx.scope));
        const headers = targetHeaders(ctx, cc.targetsResponse);
        if (action === 'delete') {
          headers.delete(headerName);
          return;
        }
        if (action === 'skip' && headers.has(headerName)) return;
        const evaluated = values
          .map((value) => value.evaluate(ctx.scope))
          .filter((value) => value !== null && value !== undefined)
          .map((value) => asString(value));
        if (evaluated.length === 0) return;
        const lines = MULTI_LINE.has(headerName.toLowerCase()) ? evaluated : [evaluated.join(',')];
        if (action === 'append') headers.append(headerName, lines);
        else headers.set(headerName, lines);
      },
    };
  },
};
