import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

import type { AnyRoute } from '../route/route-types.js';
import { buildOpenApiDocument } from './build-openapi-document.js';
import type { OpenApiOptions } from './openapi-types.js';

/**
 * Writes the OpenAPI document to `outFile` (pretty JSON, trailing newline) and returns its
 * absolute path. Recipes call it from a build script, e.g. `tsx scripts/openapi.ts`.
 *
 * @example await writeOpenApiDocument(routes, { info }, 'dist/openapi.json');
 */
export async function writeOpenApiDocument(
  routes: readonly AnyRoute[],
  options: OpenApiOptions,
  outFile: string,
): Promise<string> {
  const document = buildOpenApiDocument(routes, options);
  const path = resolve(outFile);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(document, null, 2)}\n`, 'utf8');
  return path;
}
