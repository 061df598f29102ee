import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { buildApimOpenApiDocument, buildOpenApiDocument } from './build-openapi-document.js';
import { documentedRoutes } from './openapi-test-routes.fixture.js';
import { apimDocumentPath, writeOpenApiDocument } from './write-openapi-document.js';

describe('writeOpenApiDocument', () => {
  let directory: string | undefined;
  afterEach(async () => {
    if (directory) await rm(directory, { recursive: true, force: true });
  });

  it('writes the document as pretty JSON, creating folders (the file APIM imports)', async () => {
    directory = await mkdtemp(join(tmpdir(), 'http-kit-'));
    const options = { info: { title: 'Catalog API', version: '1.0.0' } };
    const path = await writeOpenApiDocument(
      documentedRoutes,
      options,
      join(directory, 'dist', 'openapi.json'),
    );
    const text = await readFile(path, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(buildOpenApiDocument(documentedRoutes, options));
  });

  it('writes the OpenAPI 3.0 document APIM imports beside it as openapi.apim.json', async () => {
    directory = await mkdtemp(join(tmpdir(), 'http-kit-'));
    const options = { info: { title: 'Catalog API', version: '1.0.0' } };
    const outFile = join(directory, 'dist', 'openapi.json');
    await writeOpenApiDocument(documentedRoutes, options, outFile);
    expect(apimDocumentPath(outFile)).toBe(join(directory, 'dist', 'openapi.apim.json'));
    const apim = JSON.parse(await readFile(apimDocumentPath(outFile), 'utf8')) as unknown;
    expect(apim).toEqual(buildApimOpenApiDocument(documentedRoutes, options));
    expect(apim).toMatchObject({ openapi: '3.0.3' });
  });
});
