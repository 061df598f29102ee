import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

import type { AnyRoute } from '../route/route-types.js';
import { buildApimOpenApiDocument, buildOpenApiDocument } from './build-openapi-document.js';
import type { OpenApiDocument, OpenApiOptions } from './openapi-types.js';

/** Where the APIM (OpenAPI 3.0) document goes beside `outFile`: `openapi.json` → `openapi.apim.json`. */
export function apimDocumentPath(outFile: string): string {
  const path = resolve(outFile);
  return path.endsWith('.json')
    ? `${path.slice(0, -'.json'.length)}.apim.json`
    : `${path}.apim.json`;
}

async function writeJson(path: string, document: OpenApiDocument): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(document, null, 2)}\n`, 'utf8');
}

/**
 * Writes the OpenAPI 3.1 document to `outFile` and the OpenAPI 3.0 document APIM imports beside it
 * (`openapi.apim.json`, see {@link apimDocumentPath}); pretty JSON, trailing newline. Returns the
 * absolute path of the 3.1 file. Recipes call it from a build script, e.g. `tsx scripts/openapi.ts`.
 *
 * @example await writeOpenApiDocument(routes, { info }, 'dist/openapi.json');
 */
export async function writeOpenApiDocument(
  routes: readonly AnyRoute[],
  options: OpenApiOptions,
  outFile: string,
): Promise<string> {
  const path = resolve(outFile);
  await writeJson(path, buildOpenApiDocument(routes, options));
  await writeJson(apimDocumentPath(path), buildApimOpenApiDocument(routes, options));
  return path;
}
