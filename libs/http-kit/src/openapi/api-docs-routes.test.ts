import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { invokeRoute } from '../testing/invoke-route.js';
import { apiDocsRoutes } from './api-docs-routes.js';

const swaggerUiDirectory = dirname(
  createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'),
);

describe('apiDocsRoutes', () => {
  const [page, asset] = apiDocsRoutes({ title: 'Catalog <API>' });

  it('declares GET docs and GET docs/{asset}, hidden from OpenAPI', () => {
    expect([page.route, asset.route]).toEqual(['docs', 'docs/{asset}']);
    expect([page.hidden, asset.hidden]).toEqual([true, true]);
  });

  it('protects only the page with a key: browsers send none for scripts and styles', () => {
    const [keyedPage, publicAsset] = apiDocsRoutes({ authLevel: 'function', route: 'reference' });
    expect(keyedPage).toMatchObject({ authLevel: 'function', route: 'reference' });
    expect(publicAsset).toMatchObject({ authLevel: 'anonymous', route: 'reference/{asset}' });
  });

  it('serves a page that loads Swagger UI from this function app only (no CDN, strict CSP)', async () => {
    const response = await invokeRoute(page, { url: 'http://localhost:7071/api/docs' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.body).toContain('<title>Catalog &#60;API&#62;</title>');
    expect(response.body).toContain('src="docs/swagger-ui-bundle.js"');
    expect(response.body).toContain('data-openapi-url="openapi.json"');
    expect(response.body).not.toMatch(/https?:\/\//);
    expect(response.body).not.toMatch(/<script>/);
  });

  it('keeps relative URLs right when the page is requested with a trailing slash', async () => {
    const response = await invokeRoute(page, { url: 'http://localhost:7071/api/docs/' });
    expect(response.body).toContain('src="swagger-ui-bundle.js"');
    expect(response.body).toContain('data-openapi-url="../openapi.json"');
  });

  it('serves the allow-listed files from the swagger-ui-dist package', async () => {
    const response = await invokeRoute(asset, { params: { asset: 'swagger-ui.css' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(response.body).toBe(await readFile(join(swaggerUiDirectory, 'swagger-ui.css'), 'utf8'));
    const cached = await invokeRoute(asset, {
      params: { asset: 'swagger-ui.css' },
      headers: { 'if-none-match': response.headers.get('etag') ?? '' },
    });
    expect(cached.status).toBe(304);
  });

  it('serves its own initializer that reads the document URL from the page', async () => {
    const response = await invokeRoute(asset, { params: { asset: 'swagger-initializer.js' } });
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.body).toContain("getAttribute('data-openapi-url')");
  });

  it.each([
    'package.json',
    '..',
    'index.html',
    'swagger-ui-bundle.js.map',
    '__proto__',
    'toString',
  ])('answers 404 for %j', async (name) => {
    const response = await invokeRoute(asset, { params: { asset: name } });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('answers a 500 problem when the assets folder is missing', async () => {
    const [, broken] = apiDocsRoutes({
      assetsDirectory: '/nonexistent',
      names: { asset: 'brokenAsset' },
    });
    const response = await invokeRoute(broken, { params: { asset: 'swagger-ui.css' } });
    expect(response.status).toBe(500);
    expect(response.body).not.toContain('nonexistent');
  });
});
