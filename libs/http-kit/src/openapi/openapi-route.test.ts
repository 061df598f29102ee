import { describe, expect, it } from 'vitest';

import type { AnyRoute } from '../route/route-types.js';
import { invokeRoute } from '../testing/invoke-route.js';
import { buildOpenApiDocument } from './build-openapi-document.js';
import { openApiRoute } from './openapi-route.js';
import { documentedRoutes } from './openapi-test-routes.fixture.js';

const info = { title: 'Catalog API', version: '1.0.0' };

describe('openApiRoute', () => {
  it('serves the document for GET openapi.json, built once, with a strong ETag', async () => {
    const routes: AnyRoute[] = [];
    const route = openApiRoute({ info, routes: () => routes });
    routes.push(...documentedRoutes, route);
    expect(route).toMatchObject({
      name: 'openApiDocument',
      route: 'openapi.json',
      methods: ['GET'],
    });

    const response = await invokeRoute(route);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.json()).toEqual(buildOpenApiDocument(routes, { info }));

    const again = await invokeRoute(route, {
      headers: { 'if-none-match': response.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);
  });

  it('takes name, route and auth level', () => {
    const route = openApiRoute({
      info,
      routes: [],
      name: 'spec',
      route: 'v1/openapi.json',
      authLevel: 'function',
    });
    expect(route).toMatchObject({
      name: 'spec',
      route: 'v1/openapi.json',
      authLevel: 'function',
      hidden: true,
    });
  });

  it('answers a problem, not a crash, when the document cannot be built', async () => {
    const route = openApiRoute({ info, routes: () => [...documentedRoutes, ...documentedRoutes] });
    const response = await invokeRoute(route);
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });
});
