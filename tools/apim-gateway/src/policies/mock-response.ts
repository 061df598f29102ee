import { HeaderBag } from '../http/header-bag.js';
import { headerValueProblem } from '../http/header-validation.js';
import { responseExample } from '../openapi/response-example.js';
import { reasonPhrase } from '../pipeline/gateway-response.js';
import { ReturnResponseSignal } from '../pipeline/signals.js';
import {
  checkAttributes,
  checkChildren,
  checkNoText,
  type Evaluator,
  integerAttribute,
  literalAttribute,
} from './attributes.js';
import type { PolicyDefinition } from './policy-definition.js';

export const mockResponse: PolicyDefinition = {
  sections: ['inbound', 'outbound', 'on-error'],
  compile(element, cc) {
    checkAttributes(element, cc, ['status-code', 'content-type', 'index']);
    checkChildren(element, cc, []);
    checkNoText(element, cc);
    if (element.attributes['index'] !== undefined) {
      cc.fail('mock-response index is not supported by the local gateway', element.line);
    }
    const status = integerAttribute(element, cc, 'status-code', {
      min: 100,
      max: 599,
      fallback: 200,
    }) as Evaluator<number>;
    const contentType = literalAttribute(element, cc, 'content-type') ?? 'application/json';
    const problem = headerValueProblem(contentType);
    if (problem) cc.fail(`attribute "content-type" cannot be sent: ${problem}`, element.line);
    return {
      execute(ctx) {
        const code = status(ctx.scope);
        const body = responseExample(ctx.operation?.definition, code, contentType);
        const headers = new HeaderBag();
        if (body !== undefined) headers.set('Content-Type', [contentType]);
        ctx.response = {
          status: code,
          reason: reasonPhrase(code),
          headers,
          body: Buffer.from(body ?? '', 'utf8'),
        };
        throw new ReturnResponseSignal();
      },
    };
  },
};
