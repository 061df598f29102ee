import { discardStream, emptyResponse } from '../pipeline/gateway-response.js';
import { asString, checkAttributes, enumAttribute, textValue } from './attributes.js';
import type { PolicyDefinition } from './policy-definition.js';

export const setBody: PolicyDefinition = {
  sections: ['inbound', 'backend', 'outbound', 'on-error'],
  compile(element, cc) {
    checkAttributes(element, cc, ['template', 'xsi-nil', 'parse-date']);
    const template = enumAttribute(element, cc, 'template', ['none', 'liquid'], 'none');
    if (template === 'liquid')
      cc.fail('set-body template="liquid" is not supported by the local gateway', element.line);
    if (
      element.attributes['xsi-nil'] !== undefined ||
      element.attributes['parse-date'] !== undefined
    ) {
      cc.fail('set-body xsi-nil / parse-date are not supported by the local gateway', element.line);
    }
    const value = textValue(element, cc, false);
    return {
      execute(ctx) {
        const result = value.evaluate(ctx.scope);
        const body = Buffer.from(
          result === null || result === undefined ? '' : asString(result),
          'utf8',
        );
        if (!cc.targetsResponse) {
          // the client's own body is then never read (APIM sends the new one)
          ctx.pendingBody = undefined;
          ctx.requestBody = body;
          return;
        }
        ctx.response ??= emptyResponse();
        // a streaming backend body (buffer-response="false") is replaced, not read
        discardStream(ctx.response);
        ctx.response.body = body;
      },
    };
  },
};
