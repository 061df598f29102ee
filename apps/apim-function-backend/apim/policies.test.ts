import { PROBLEM_TYPE_BASE, problemCatalog } from '@cookbook/http-kit';
import { describe, expect, it } from 'vitest';

import { descendants, indexOf, is, readPolicy, section } from './policy-document.js';

const api = readPolicy('api-policy.xml');
const item = readPolicy('operations/getCatalogItem.xml');

describe.each([
  ['api-policy.xml', api],
  ['operations/getCatalogItem.xml', item],
])('%s', (_file, policy) => {
  it.each(['inbound', 'backend', 'outbound', 'on-error'])(
    'starts <%s> with <base /> so broader scopes (forward-request, on-error) still run',
    (name) => {
      expect(section(policy, name)[0]?.name).toBe('base');
    },
  );
});

describe('API scope inbound', () => {
  const inbound = section(api, 'inbound');
  const position = (name: string, attributes?: Record<string, string>) =>
    indexOf(inbound, is(name, attributes));

  it('validates the Entra ID token against the tenant v2 issuer and the API audience', () => {
    const jwt = inbound[position('validate-jwt')];
    const text = JSON.stringify(jwt);
    expect(jwt?.attributes['header-name']).toBe('Authorization');
    expect(text).toContain('{{openid-config-url}}');
    expect(text).toContain('{{jwt-audience}}');
    expect(text).toContain('https://login.microsoftonline.com/{{tenant-id}}/v2.0');
  });

  it('rate-limits per subscription with calls and window from named values', () => {
    const limit = inbound[position('rate-limit-by-key')];
    expect(limit?.attributes).toMatchObject({
      calls: '{{rate-limit-calls}}',
      'renewal-period': '{{rate-limit-period}}',
    });
    expect(limit?.attributes['counter-key']).toContain('context.Subscription.Id');
  });

  it('checks the token and the rate limit before anything is forwarded', () => {
    expect(position('validate-jwt')).toBeLessThan(position('rate-limit-by-key'));
    expect(position('rate-limit-by-key')).toBeLessThan(position('set-backend-service'));
  });

  it('removes the subscription key (header and query) and the caller token before forwarding', () => {
    expect(
      position('set-header', { name: 'Authorization', 'exists-action': 'delete' }),
    ).toBeGreaterThan(position('validate-jwt'));
    expect(
      position('set-header', { name: 'Ocp-Apim-Subscription-Key', 'exists-action': 'delete' }),
    ).toBeGreaterThan(0);
    expect(
      position('set-query-parameter', { name: 'subscription-key', 'exists-action': 'delete' }),
    ).toBeGreaterThan(0);
  });

  it('enriches the backend request with the gateway marker and the correlation id', () => {
    const gateway = inbound[position('set-header', { name: 'x-apim-gateway' })];
    expect(gateway?.children[0]?.text).toBe('azure-api-management');
    expect(position('set-variable', { name: 'correlation-id' })).toBeLessThan(
      position('set-header', { name: 'x-correlation-id' }),
    );
  });

  it('selects the backend entity that carries the function host key', () => {
    expect(position('set-backend-service', { 'backend-id': 'catalog-function-backend' })).toBe(
      inbound.length - 1,
    );
  });
});

describe('operation scope caching of GET /catalog/{item_id}', () => {
  const inbound = section(item, 'inbound');
  const outbound = section(item, 'outbound');
  const lookup = indexOf(inbound, is('cache-lookup'));
  const store = indexOf(outbound, is('cache-store'));

  it('looks up after the API scope (JWT, rate limit) ran in <base />', () => {
    expect(lookup).toBeGreaterThan(indexOf(inbound, is('base')));
  });

  it('marks HIT just before the lookup and MISS just after it (a hit skips the rest of inbound)', () => {
    expect(inbound[lookup - 1]).toMatchObject({
      name: 'set-variable',
      attributes: { name: 'apim-cache', value: 'HIT' },
    });
    expect(inbound[lookup + 1]).toMatchObject({
      name: 'set-variable',
      attributes: { name: 'apim-cache', value: 'MISS' },
    });
  });

  it('varies by URL (implicit) and Accept, and shares entries across callers', () => {
    const cacheLookup = inbound[lookup];
    expect(cacheLookup?.attributes).toMatchObject({
      'vary-by-developer': 'false',
      'vary-by-developer-groups': 'false',
      'allow-private-response-caching': 'true',
    });
    expect(cacheLookup?.children.map((child) => [child.name, child.text])).toEqual([
      ['vary-by-header', 'Accept'],
    ]);
  });

  it('stores for {{cache-duration}} seconds', () => {
    expect(outbound[store]?.attributes.duration).toBe('{{cache-duration}}');
  });

  it('sets x-apim-cache and x-correlation-id only after cache-store, so neither is cached', () => {
    for (const header of ['x-apim-cache', 'x-correlation-id']) {
      const setsHeader = is('set-header', { name: header });
      const position = indexOf(
        outbound,
        (statement) => setsHeader(statement) || descendants(statement).some(setsHeader),
      );
      expect(position, header).toBeGreaterThan(store);
    }
  });

  it('replaces the cached x-correlation-id on a hit only (on a miss the function sets it)', () => {
    const choose = outbound.find(is('choose'));
    if (!choose) throw new Error('no <choose> in the operation outbound');
    expect(choose.children[0]?.attributes.condition).toContain('== "HIT"');
    expect(descendants(choose).some(is('set-header', { name: 'x-correlation-id' }))).toBe(true);
  });
});

describe('API scope on-error', () => {
  const onError = section(api, 'on-error');
  const all = onError.flatMap((statement) => [statement, ...descendants(statement)]);
  const branches = all
    .filter((element) => element.name === 'when' || element.name === 'otherwise')
    .map((branch) => {
      const value = (name: string) =>
        branch.children.find(is('set-variable', { name }))?.attributes.value ?? '';
      return {
        slug: value('problem-slug'),
        title: value('problem-title'),
        status: Number(/^@\((\d+)\)$/.exec(value('problem-status'))?.[1]),
      };
    });

  it('maps every gateway error to an entry of the http-kit problem catalog', () => {
    expect(branches.length).toBeGreaterThanOrEqual(6);
    const catalog = Object.values(problemCatalog);
    for (const branch of branches) {
      expect(catalog, branch.slug).toContainEqual(branch);
    }
  });

  it('covers JWT (401), rate limit (429), no operation (404) and failures (500, 502, 504)', () => {
    expect(branches.map((branch) => branch.status).sort()).toEqual(
      expect.arrayContaining([401, 404, 429, 500, 502, 504]),
    );
  });

  it('writes the RFC 9457 body with the backend field names and type base', () => {
    const body = all.find(is('set-body'))?.text ?? '';
    expect(body).toContain(JSON.stringify(PROBLEM_TYPE_BASE).slice(1, -1));
    for (const field of ['type', 'title', 'status', 'detail', 'instance', 'correlationId']) {
      expect(body).toContain(`\\"${field}\\":`);
    }
    // APIM's own error fields stay as extension members for clients written against them.
    for (const field of ['statusCode', 'message']) expect(body).toContain(`\\"${field}\\":`);
    const contentType = all.find(is('set-header', { name: 'Content-Type' }));
    expect(contentType?.children[0]?.text).toBe('application/problem+json');
  });

  it('modifies the failing response instead of replacing it, so Retry-After survives a 429', () => {
    expect(all.some(is('return-response'))).toBe(false);
    expect(all.some(is('set-header', { name: 'Retry-After' }))).toBe(false);
  });
});
