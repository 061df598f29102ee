import { ResponseCacheKeyBuilder } from '../cache/response-cache-key.js';
import { CacheHitSignal } from '../pipeline/signals.js';
import { booleanAttribute, checkAttributes, checkChildren, enumAttribute } from './attributes.js';
import type { PolicyDefinition } from './policy-definition.js';

export const cacheLookup: PolicyDefinition = {
  sections: ['inbound'],
  compile(element, cc) {
    checkAttributes(
      element,
      cc,
      [
        'vary-by-developer',
        'vary-by-developer-groups',
        'caching-type',
        'downstream-caching-type',
        'must-revalidate',
        'allow-private-response-caching',
      ],
      ['vary-by-developer', 'vary-by-developer-groups'],
    );
    checkChildren(element, cc, ['vary-by-header', 'vary-by-query-parameter']);
    const byDeveloper = booleanAttribute(element, cc, 'vary-by-developer', false);
    booleanAttribute(element, cc, 'vary-by-developer-groups', false);
    booleanAttribute(element, cc, 'must-revalidate', true);
    enumAttribute(
      element,
      cc,
      'caching-type',
      ['internal', 'external', 'prefer-external'],
      'prefer-external',
    );
    enumAttribute(element, cc, 'downstream-caching-type', ['none', 'private', 'public'], 'none');
    const allowPrivate = booleanAttribute(element, cc, 'allow-private-response-caching', false);
    const texts = (name: string): string[] =>
      element.children
        .filter((child) => child.name === name)
        .flatMap((child) => {
          checkChildren(child, cc.at(name), []);
          return child.text
            .split(';')
            .map((part) => part.trim())
            .filter(Boolean);
        });
    // lower-cased once here, not on every request
    const headerNames = texts('vary-by-header').map((name) => name.toLowerCase());
    const keys = new ResponseCacheKeyBuilder(texts('vary-by-query-parameter'), headerNames);
    return {
      execute(ctx) {
        if (ctx.method !== 'GET') return;
        if (!allowPrivate && ctx.requestHeaders.has('authorization')) return;
        const key = keys.key(
          ctx.api.id,
          ctx.operation?.id ?? '',
          ctx.backend?.url ?? '',
          ctx.operationPath,
          ctx.query,
          ctx.requestHeaders,
          byDeveloper ? (ctx.subscription?.id ?? '') : null,
        );
        ctx.cacheKey = key;
        const cached = cc.services.responseCache.get(key);
        if (!cached) return;
        ctx.cacheHit = true;
        ctx.response = {
          status: cached.status,
          reason: cached.reason,
          headers: cached.headers.clone(),
          body: cached.body,
        };
        throw new CacheHitSignal();
      },
    };
  },
};
