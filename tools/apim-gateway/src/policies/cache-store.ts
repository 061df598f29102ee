import { bufferStream, type GatewayResponse } from '../pipeline/gateway-response.js';
import {
  booleanAttribute,
  checkAttributes,
  checkChildren,
  checkNoText,
  type Evaluator,
  integerAttribute,
} from './attributes.js';
import type { PolicyDefinition } from './policy-definition.js';

export const cacheStore: PolicyDefinition = {
  sections: ['outbound'],
  compile(element, cc) {
    checkAttributes(element, cc, ['duration', 'cache-response'], ['duration']);
    checkChildren(element, cc, []);
    checkNoText(element, cc);
    const duration = integerAttribute(element, cc, 'duration', {
      min: 0,
      expressions: true,
    }) as Evaluator<number>;
    const anyStatus = booleanAttribute(element, cc, 'cache-response', false);
    return {
      resumesCacheHit: true,
      readsResponseBody: true,
      execute(ctx) {
        const response = ctx.response;
        if (ctx.cacheKey === undefined || ctx.cacheHit || !response) return;
        if (!anyStatus && response.status !== 200) return;
        const key = ctx.cacheKey;
        const store = (): void => {
          cc.services.responseCache.set(key, cachedCopy(response), duration(ctx.scope));
        };
        // a buffered response (the default) is stored at once: no promise, no microtask
        if (!response.stream) return store();
        // storing needs the whole body: an unbuffered response is buffered here (APIM's SSE
        // guidance: response caching delays events, so leave it off for streams)
        // past the cache's byte budget the body could not be stored anyway: it streams on instead
        return bufferStream(response, cc.services.responseCacheMaxBytes).then((whole) => {
          if (whole) store();
        });
      },
    };
  },
};

function cachedCopy(response: GatewayResponse): GatewayResponse {
  return {
    status: response.status,
    reason: response.reason,
    headers: response.headers.clone(),
    body: response.body,
  };
}
