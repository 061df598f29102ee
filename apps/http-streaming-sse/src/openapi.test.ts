import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { buildApimOpenApiDocument, findOpenApi31Constructs } from '@cookbook/http-kit';
import { invokeRoute } from '@cookbook/http-kit/testing';
import { describe, expect, it } from 'vitest';

import { apiRoutes, appRoutes, openApiOptions } from './routes.js';

type Operation = { operationId: string; responses: Record<string, { content?: object }> };
type Document = { paths: Record<string, Record<string, Operation>> };

const recipeDir = resolve(import.meta.dirname, '..');

async function served(): Promise<Document> {
  const route = appRoutes.find((candidate) => candidate.route === 'openapi.json');
  if (!route) throw new Error('no openapi.json route');
  return (await invokeRoute(route)).json<Document>();
}

describe('the OpenAPI document', () => {
  it('uses the route prefix of host.json', () => {
    const host = JSON.parse(readFileSync(resolve(recipeDir, 'host.json'), 'utf8')) as {
      extensions?: { http?: { routePrefix?: string } };
    };
    expect(openApiOptions.routePrefix).toBe(host.extensions?.http?.routePrefix ?? 'api');
  });

  it('documents every operation, the event stream as text/event-stream', async () => {
    const document = await served();
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(
        ([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`,
      ),
    );
    expect(operations.sort()).toEqual([
      'GET /jobs/{id} getJob',
      'GET /jobs/{id}/events streamJobEvents',
      'POST /jobs createJob',
      'POST /uploads uploadFile',
    ]);
    const events = document.paths['/jobs/{id}/events']?.get?.responses;
    expect(Object.keys(events?.['200']?.content ?? {})).toEqual(['text/event-stream']);
    expect(Object.keys(events ?? {})).toEqual(expect.arrayContaining(['200', '204', '404', '422']));
  });

  it('has an OpenAPI 3.0 twin APIM can import as is', () => {
    expect(
      findOpenApi31Constructs(buildApimOpenApiDocument(apiRoutes, openApiOptions) as never),
    ).toEqual([]);
  });
});
