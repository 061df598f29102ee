import { describe, expect, it } from 'vitest';

import { code, OpenApiDocumentError, renderOpenApi } from './render-openapi.js';

const DOCUMENT = {
  openapi: '3.1.0',
  info: { title: 'Catalog API', version: '1.0.0' },
  servers: [{ url: '/api' }],
  paths: {
    '/catalog/{item_id}': {
      parameters: [{ $ref: '#/components/parameters/Trace' }],
      get: {
        operationId: 'getCatalogItem',
        summary: 'Get a catalog item',
        parameters: [
          {
            name: 'item_id',
            in: 'path',
            required: true,
            schema: { type: 'string', pattern: '^[a-z|0-9]{1,64}$' },
          },
        ],
        security: [{ functionKey: [] }, { functionKeyQuery: [] }],
        responses: {
          '200': {
            description: 'The item',
            headers: { etag: { schema: { type: 'string' } } },
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { id: { type: 'string' }, note: {} },
                  required: ['id'],
                },
              },
            },
          },
          '404': {
            description: 'No item has this id',
            content: {
              'application/problem+json': {
                schema: { $ref: '#/components/schemas/Problem' },
                example: { type: 'urn:problem:not-found' },
              },
            },
          },
        },
      },
      post: {
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { type: 'array', items: { type: 'integer', minimum: 1 } },
            },
          },
        },
        responses: { '204': { description: 'Stored' } },
      },
    },
  },
  components: {
    parameters: {
      Trace: { name: 'x-trace', in: 'header', schema: { type: 'string', enum: ['on', 'off'] } },
    },
    schemas: {
      Problem: {
        type: 'object',
        properties: { type: { type: 'string' }, status: { type: 'integer' } },
        required: ['type'],
      },
    },
    securitySchemes: {
      functionKey: { type: 'apiKey', in: 'header', name: 'x-functions-key' },
      functionKeyQuery: { type: 'apiKey', in: 'query', name: 'code' },
    },
  },
};

describe('renderOpenApi', () => {
  const markdown = renderOpenApi(DOCUMENT, { file: 'apps/demo/dist/openapi.json' });

  it('renders each operation with its method and the path a client calls (server prefix included)', () => {
    expect(markdown).toContain('## API operations');
    expect(markdown).toContain('### Get a catalog item');
    expect(markdown).toContain(
      '<span class="http-method http-get">GET</span> `/api/catalog/{item_id}` · operation `getCatalogItem`',
    );
    // No summary or id: the heading falls back to method and path.
    expect(markdown).toContain('### POST `/api/catalog/{item_id}`');
    expect(markdown).toContain(
      '**Authentication:** `x-functions-key` header or `code` query parameter',
    );
  });

  it('lists path-level and operation parameters, escaping pipes for the table', () => {
    expect(markdown).toContain(
      '| `x-trace` | header | no | `string`, one of `"on"`, `"off"` | – |',
    );
    expect(markdown).toContain(
      '| `item_id` | path | yes | `string`, pattern `^[a-z\\|0-9]{1,64}$` | – |',
    );
  });

  it('lists responses with content and headers, the request body, and the problem types', () => {
    expect(markdown).toContain(
      '| `200` | The item | `application/json`: `object`, properties `id`, `note?` | `etag` |',
    );
    expect(markdown).toContain(
      '**Request body** (required)\n\n- `application/json`: array of `integer`, min 1',
    );
    expect(markdown).toContain(
      '| `404` | No item has this id | `urn:problem:not-found` | `type`, `status?` |',
    );
  });

  it('refuses a document that is not OpenAPI 3, naming the file', () => {
    expect(() => renderOpenApi({ swagger: '2.0', paths: {} }, { file: 'x.json' })).toThrow(
      new OpenApiDocumentError('x.json: "openapi" must be a 3.x version, got undefined'),
    );
    expect(() => renderOpenApi([], { file: 'x.json' })).toThrow('x.json: not a JSON object');
    expect(() => renderOpenApi({ openapi: '3.0.3' }, { file: 'x.json' })).toThrow(
      '"paths" must be an object',
    );
  });
});

describe('code', () => {
  it('survives backticks and table pipes', () => {
    expect(code('a|b')).toBe('`a\\|b`');
    expect(code('a`b')).toBe('`` a`b ``');
  });
});
