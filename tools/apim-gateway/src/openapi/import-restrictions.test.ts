import { describe, expect, it } from 'vitest';

import { GatewayLoadError } from '../xml/load-error.js';
import { assertApimImportable } from './assert-apim-importable.js';
import { checkApimImport } from './import-restrictions.js';

type Doc = Record<string, unknown>;

/** A minimal OpenAPI 3.0.3 document APIM imports unchanged; each test breaks one thing. */
function clean(): Doc {
  return {
    openapi: '3.0.3',
    info: { title: 'Catalog', version: '1.0.0' },
    servers: [{ url: '/api' }],
    paths: {
      '/items/{id}': {
        get: {
          operationId: 'getItem',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'fields', in: 'query', required: false, schema: { type: 'string' } },
          ],
          responses: {
            '200': {
              description: 'ok',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
            },
          },
        },
      },
    },
    components: {
      schemas: { Item: { type: 'object', properties: { id: { type: 'string' } } } },
    },
  };
}

function get(document: Doc): Doc {
  return ((document.paths as Doc)['/items/{id}'] as Doc).get as Doc;
}

function check(document: Doc): ReturnType<typeof checkApimImport> {
  return checkApimImport(document, JSON.stringify(document).length);
}

function only(findings: { rule: string; pointer: string }[]): { rule: string; pointer: string }[] {
  return findings.map(({ rule, pointer }) => ({ rule, pointer }));
}

describe('APIM OpenAPI import restrictions (Learn: API import restrictions and known issues)', () => {
  it('a clean OpenAPI 3.0.3 document has no error and no warning', () => {
    expect(check(clean())).toEqual({ errors: [], warnings: [] });
  });

  it('refuses an unsupported OpenAPI version (Supported versions: 2, 3.0.0-3.0.3, 3.1)', () => {
    const document = { ...clean(), openapi: '3.0.4' };
    expect(only(check(document).errors)).toEqual([
      { rule: 'supported-version', pointer: '/openapi' },
    ]);
  });

  it('warns that OpenAPI 3.1 is import-compatible only (Supported versions)', () => {
    const result = check({ ...clean(), openapi: '3.1.0' });
    expect(result.errors).toEqual([]);
    expect(only(result.warnings)).toEqual([
      { rule: 'openapi-31-import-only', pointer: '/openapi' },
    ]);
  });

  it('refuses a document over 4 MB imported inline (Size limits)', () => {
    const result = checkApimImport(clean(), 4 * 1024 * 1024 + 1);
    expect(only(result.errors)).toEqual([{ rule: 'inline-size', pointer: '' }]);
  });

  it('refuses required path and query parameters that share a name, case-insensitively (URL template requirements)', () => {
    const document = clean();
    (get(document).parameters as Doc[]).push({
      name: 'ID',
      in: 'query',
      required: true,
      schema: { type: 'string' },
    });
    const result = check(document);
    expect(only(result.errors)).toEqual([
      { rule: 'unique-parameter-names', pointer: '/paths/~1items~1{id}/get/parameters/2' },
    ]);
  });

  it('allows an optional query parameter with a path parameter name (only required ones must be unique)', () => {
    const document = clean();
    (get(document).parameters as Doc[]).push({
      name: 'id',
      in: 'query',
      schema: { type: 'string' },
    });
    expect(check(document).errors).toEqual([]);
  });

  it('refuses a path parameter that is not in the URL template (URL template requirements)', () => {
    const document = clean();
    (get(document).parameters as Doc[]).push({
      name: 'version',
      in: 'path',
      required: true,
      schema: { type: 'string' },
    });
    expect(only(check(document).errors)).toEqual([
      { rule: 'url-parameter-in-template', pointer: '/paths/~1items~1{id}/get/parameters/2' },
    ]);
  });

  it('refuses a $ref into another file (URL template requirements: $ref pointers)', () => {
    const document = clean();
    (get(document).responses as Doc)['404'] = { $ref: 'errors.json#/NotFound' };
    expect(only(check(document).errors)).toEqual([
      { rule: 'external-ref', pointer: '/paths/~1items~1{id}/get/responses/404/$ref' },
    ]);
  });

  it('refuses a URL template of 128 characters or more (URL template requirements: maximum URL length)', () => {
    const document = clean();
    const long = `/${'a'.repeat(127)}`;
    (document.paths as Doc)[long] = { get: { responses: { '200': { description: 'ok' } } } };
    expect(only(check(document).errors)).toEqual([
      { rule: 'url-length', pointer: `/paths/~1${'a'.repeat(127)}` },
    ]);
  });

  it('refuses a recursive schema (Unsupported: recursion)', () => {
    const document = clean();
    const schemas = (document.components as Doc).schemas as Doc;
    schemas.Node = {
      type: 'object',
      properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } },
    };
    expect(only(check(document).errors)).toEqual([
      { rule: 'recursion', pointer: '/components/schemas/Node' },
    ]);
  });

  it('refuses a Server object on an operation (Unsupported: Server object at operation level)', () => {
    const document = clean();
    get(document).servers = [{ url: 'https://elsewhere.example' }];
    expect(only(check(document).errors)).toEqual([
      { rule: 'operation-servers', pointer: '/paths/~1items~1{id}/get/servers' },
    ]);
  });

  it('warns that a required query parameter becomes a template parameter (During OpenAPI import)', () => {
    const document = clean();
    (get(document).parameters as Doc[])[1] = {
      name: 'fields',
      in: 'query',
      required: true,
      schema: { type: 'string' },
    };
    const result = check(document);
    expect(result.errors).toEqual([]);
    expect(only(result.warnings)).toEqual([
      { rule: 'required-query-to-template', pointer: '/paths/~1items~1{id}/get/parameters/1' },
    ]);
  });

  it('warns that a GET request body is discarded (During OpenAPI import: GET, HEAD, OPTIONS)', () => {
    const document = clean();
    get(document).requestBody = { content: { 'application/json': { schema: { type: 'object' } } } };
    expect(only(check(document).warnings)).toEqual([
      { rule: 'body-dropped', pointer: '/paths/~1items~1{id}/get/requestBody' },
    ]);
  });

  it('warns that custom extensions are ignored, x-ms-paths and x-servers are not (Supported extensions)', () => {
    const document = { ...clean(), 'x-logo': 'logo.png', 'x-servers': [] };
    expect(only(check(document).warnings)).toEqual([
      { rule: 'custom-extension-ignored', pointer: '/x-logo' },
    ]);
  });

  it('a response header or property named x-… is a name, not an extension', () => {
    const document = clean();
    const ok = (get(document).responses as Doc)['200'] as Doc;
    ok.headers = { 'x-correlation-id': { schema: { type: 'string' } } };
    const item = ((document.components as Doc).schemas as Doc).Item as Doc;
    item.properties = { 'x-tag': { type: 'string' }, examples: { type: 'object' } };
    expect(check(document)).toEqual({ errors: [], warnings: [] });
  });

  it('warns that `examples` is not imported (OpenAPI version 3: examples is not supported, example is)', () => {
    const document = clean();
    const media = ((get(document).responses as Doc)['200'] as Doc).content as Doc;
    (media['application/json'] as Doc).examples = { one: { value: { id: '1' } } };
    expect(only(check(document).warnings)).toEqual([
      {
        rule: 'examples-ignored',
        pointer: '/paths/~1items~1{id}/get/responses/200/content/application~1json/examples',
      },
    ]);
  });

  it('warns that APIM keeps one of several servers (OpenAPI version 3: first HTTPS URL)', () => {
    const document = {
      ...clean(),
      servers: [{ url: 'http://a.example' }, { url: 'https://b.example' }],
    };
    expect(only(check(document).warnings)).toEqual([{ rule: 'many-servers', pointer: '/servers' }]);
  });

  it('the load error names the document, the JSON pointer and the rule; warnings go to the log', () => {
    const document = clean();
    get(document).servers = [{ url: 'https://elsewhere.example' }];
    get(document).requestBody = { content: { 'application/json': { schema: { type: 'object' } } } };
    const warnings: string[] = [];
    const load = (): void =>
      assertApimImportable(document, 100, '/work/openapi.apim.json', {
        warn: (message) => warnings.push(message),
      });
    expect(load).toThrow(GatewayLoadError);
    expect(load).toThrow(
      /^\/work\/openapi\.apim\.json \(\/paths\/~1items~1\{id\}\/get\/servers\): APIM would not import this document: .*rule operation-servers; Learn "API import restrictions and known issues" › Unsupported extensions/,
    );
    expect(warnings[0]).toMatch(/rule body-dropped/);
  });
});
