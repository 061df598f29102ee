import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { buildOpenApiDocument } from './build-openapi-document.js';
import { documentedRoutes } from './openapi-test-routes.fixture.js';
import { writeOpenApiDocument } from './write-openapi-document.js';

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
});
