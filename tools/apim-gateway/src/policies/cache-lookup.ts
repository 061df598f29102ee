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
    const headers = texts('vary-by-header');
    const queryParameters = texts('vary-by-query-parameter');
    return {
      execute(ctx) {
        if (ctx.method !== 'GET') return;
        if (!allowPrivate && ctx.requestHeaders.has('authorization')) return;
        const query = ctx.query
          .names()
          .sort()
          .map((name) => `${name}=${(ctx.query.values(name) ?? []).join(',')}`);
        const parts = [
          ctx.api.id,
          ctx.operation?.id ?? '',
          ctx.backend?.url ?? '',
          ctx.operationPath,
          query.join('&'),
          ...queryParameters.map((name) => `q:${name}=${(ctx.query.values(name) ?? []).join(',')}`),
          ...headers.map((name) => `h:${name.toLowerCase()}=${ctx.requestHeaders.get(name) ?? ''}`),
          byDeveloper ? `dev:${ctx.subscription?.id ?? ''}` : '',
        ];
        const key = parts.join('|');
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
