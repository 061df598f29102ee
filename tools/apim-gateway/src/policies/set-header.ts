import { assertSendableHeader, isHeaderName } from '../http/header-validation.js';
import { ALL_SECTIONS } from '../pipeline/section.js';
import { asString } from './attributes.js';
import { compileNamedValuePolicy, evaluateValues } from './named-value-policy.js';
import type { PolicyDefinition } from './policy-definition.js';
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
    const { action, name, values } = compileNamedValuePolicy(element, cc);
    if (!name.isExpression && PROTECTED.includes(name.source.toLowerCase())) {
      cc.fail(`APIM does not allow set-header to change "${name.source}"`, element.line);
    }
    if (!name.isExpression && !isHeaderName(name.source)) {
      cc.fail(`"${name.source}" is not a valid HTTP header name`, element.line);
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
        const evaluated = evaluateValues(values, ctx.scope);
        if (evaluated.length === 0) return;
        const lines = MULTI_LINE.has(headerName.toLowerCase()) ? evaluated : [evaluated.join(',')];
        // A value HTTP cannot carry fails this policy (on-error runs), not the socket write later.
        assertSendableHeader(headerName, lines);
        if (action === 'append') headers.append(headerName, lines);
        else headers.set(headerName, lines);
      },
    };
  },
};
