import { responseCacheKey } from '../cache/response-cache-key.js';
import type { QueryBag } from '../http/query-bag.js';
import type { RequestContext } from '../pipeline/request-context.js';
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
    const queryParameters = texts('vary-by-query-parameter');
    return {
      execute(ctx) {
        if (ctx.method !== 'GET') return;
        if (!allowPrivate && ctx.requestHeaders.has('authorization')) return;
        const key = responseCacheKey({
          apiId: ctx.api.id,
          operationId: ctx.operation?.id ?? '',
          backendUrl: ctx.backend?.url ?? '',
          path: ctx.operationPath,
          query: sortedQuery(ctx.query),
          varyByQuery: queryParameters.length === 0 ? [] : varyByQuery(ctx, queryParameters),
          varyByHeaders: varyByHeaders(ctx, headerNames),
          developer: byDeveloper ? (ctx.subscription?.id ?? '') : null,
        });
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

function sortedQuery(query: QueryBag): Array<readonly [string, readonly string[]]> {
  const names = query.names();
  if (names.length === 0) return [];
  return names.sort().map((name) => [name, query.values(name) ?? []] as const);
}

function varyByQuery(
  ctx: RequestContext,
  names: readonly string[],
): Array<readonly [string, readonly string[] | null]> {
  const parts: Array<readonly [string, readonly string[] | null]> = [];
  for (const name of names) parts.push([name, ctx.query.values(name) ?? null]);
  return parts;
}

function varyByHeaders(
  ctx: RequestContext,
  lowerCaseNames: readonly string[],
): Array<readonly [string, string | null]> {
  const parts: Array<readonly [string, string | null]> = [];
  for (const name of lowerCaseNames) parts.push([name, ctx.requestHeaders.get(name) ?? null]);
  return parts;
}
