import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { invokeRoute } from '@cookbook/http-kit/testing';
import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';

import { appRoutes, openApiOptions } from './routes.js';

type Operation = {
  operationId: string;
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, unknown>;
};
type Document = { servers: { url: string }[]; paths: Record<string, Record<string, Operation>> };

const recipeDir = resolve(import.meta.dirname, '..');
let served: Document;

beforeAll(async () => {
  const route = appRoutes.find((candidate) => candidate.route === 'openapi.json');
  if (!route) throw new Error('no openapi.json route');
  served = (await invokeRoute(route)).json<Document>();
});

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(structuredClone(served));
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it('documents every operation, constraints stripped from the paths', () => {
    const operations = Object.entries(served.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(
        ([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`,
      ),
    );
    expect(operations.sort()).toEqual([
      'DELETE /users/{id} deleteUser',
      'GET /search searchUsers',
      'GET /users listUsers',
      'GET /users/{id} getUser',
      'PATCH /users/{id} patchUser',
      'POST /users createUser',
      'PUT /users/{id} replaceUser',
    ]);
  });

  it('documents the PATCH body as application/merge-patch+json and the 409/412/428 problems', () => {
    const patch = served.paths['/users/{id}']?.patch;
    expect(Object.keys(patch?.requestBody?.content ?? {})).toEqual([
      'application/merge-patch+json',
    ]);
    expect(Object.keys(patch?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '404', '409', '412', '415', '422', '428']),
    );
  });

  it('is exactly the dist/openapi.json the build writes', async () => {
    const built = JSON.parse(
      await readFile(resolve(recipeDir, 'dist/openapi.json'), 'utf8'),
    ) as unknown;
    expect(built).toEqual(served);
  });

  it('uses the route prefix of host.json', async () => {
    const hostJson = JSON.parse(await readFile(resolve(recipeDir, 'host.json'), 'utf8')) as {
      extensions?: { http?: { routePrefix?: string } };
    };
    const prefix = hostJson.extensions?.http?.routePrefix ?? 'api';
    expect(openApiOptions.routePrefix).toBe(prefix);
    expect(served.servers).toEqual([{ url: `/${prefix}` }]);
  });
});
