import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { findOpenApi31Constructs } from '@cookbook/http-kit';
import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';

import { catalogOpenApiOptions } from './routes.js';
import { catalogRequest, recipeDir } from './testing/catalog-host-settings.js';
import { useCatalogHost } from './testing/use-catalog-host.js';

type Document = {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, { operationId: string; parameters?: unknown[] }>>;
};

const catalog = useCatalogHost();
let served: Document;

beforeAll(async () => {
  const response = await catalog.host.fetch(catalogRequest('openapi.json', {}, false));
  served = (await response.json()) as Document;
});

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(structuredClone(served));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(served.openapi).toBe('3.1.0');
  });

  it('describes the catalog operations APIM imports, with template constraints stripped', () => {
    expect(served.servers).toEqual([{ url: '/api' }]);
    expect(Object.keys(served.paths).sort()).toEqual(['/catalog/health', '/catalog/{item_id}']);
    expect(served.paths['/catalog/{item_id}']?.get?.operationId).toBe('getCatalogItem');
    expect(served.paths['/catalog/health']?.get?.operationId).toBe('getCatalogHealth');
    expect(JSON.stringify(served.paths['/catalog/{item_id}']?.get?.parameters)).toContain(
      '"pattern":"^[A-Za-z0-9_-]{1,64}$"',
    );
  });

  it('is exactly the dist/openapi.json the build writes for APIM', async () => {
    const built = JSON.parse(
      await readFile(join(recipeDir, 'dist/openapi.json'), 'utf8'),
    ) as unknown;
    expect(built).toEqual(served);
  });

  it('uses the route prefix of host.json', async () => {
    const hostJson = JSON.parse(await readFile(join(recipeDir, 'host.json'), 'utf8')) as {
      extensions: { http: { routePrefix: string } };
    };
    expect(catalogOpenApiOptions.routePrefix).toBe(hostJson.extensions.http.routePrefix);
    expect(catalog.host.routePrefix).toBe(hostJson.extensions.http.routePrefix);
  });
});

describe('dist/openapi.apim.json (the OpenAPI 3.0 document APIM imports)', () => {
  let apim: Document;
  beforeAll(async () => {
    apim = JSON.parse(
      await readFile(join(recipeDir, 'dist/openapi.apim.json'), 'utf8'),
    ) as Document;
  });

  it('is a valid OpenAPI 3.0.3 document', async () => {
    expect(apim.openapi).toBe('3.0.3');
    const result = await new Validator().validate(structuredClone(apim));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it('has no OpenAPI 3.1-only construct, where the served 3.1 document has some', () => {
    expect(findOpenApi31Constructs(apim as never)).toEqual([]);
    // routed_by is nullable: a type array in 3.1, `nullable: true` in 3.0.
    expect(findOpenApi31Constructs(served as never).length).toBeGreaterThan(0);
    expect(JSON.stringify(apim)).toContain('"nullable":true');
  });

  it('describes the same operations, parameters and responses as the served 3.1 document', () => {
    const shape = (document: Document): unknown =>
      Object.entries(document.paths).flatMap(([path, item]) =>
        Object.entries(item).map(([method, operation]) => ({
          route: `${method} ${path}`,
          id: operation.operationId,
          parameters: (
            operation.parameters as { in: string; name: string; required?: boolean }[] | undefined
          )?.map((parameter) => `${parameter.in}:${parameter.name}:${String(parameter.required)}`),
          responses: Object.keys((operation as { responses?: object }).responses ?? {}),
        })),
      );
    expect(shape(apim)).toEqual(shape(served));
    expect(apim.servers).toEqual(served.servers);
  });
});

describe('GET /api/docs', () => {
  it('serves the Swagger UI page pointing at the document, with its assets', async () => {
    const page = await catalog.host.fetch(catalogRequest('docs', {}, false));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('data-openapi-url="openapi.json"');
    const bundle = await catalog.host.fetch(catalogRequest('docs/swagger-ui-bundle.js', {}, false));
    expect(bundle.status).toBe(200);
  });
});
