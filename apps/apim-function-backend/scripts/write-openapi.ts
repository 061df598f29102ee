import { relative, resolve } from 'node:path';

import { apimDocumentPath, writeOpenApiDocument } from '@cookbook/http-kit';

import { catalogOpenApiOptions, catalogRoutes } from '../src/routes.js';

// Writes dist/openapi.json (OpenAPI 3.1, also served) and dist/openapi.apim.json (OpenAPI 3.0.3):
// the 3.0 one is what APIM imports (infra/main.bicep, infra/main.tf) and the local gateway loads.
const [outFile = 'dist/openapi.json', apimFile = apimDocumentPath(outFile)] = process.argv.slice(2);
if (resolve(apimFile) !== apimDocumentPath(outFile)) {
  process.stderr.write(
    `The APIM document is written beside ${outFile}: ${apimDocumentPath(outFile)}\n`,
  );
  process.exit(2);
}
const path = await writeOpenApiDocument(catalogRoutes, catalogOpenApiOptions, outFile);
process.stdout.write(
  `Wrote ${relative(process.cwd(), path)} and ${relative(process.cwd(), apimFile)}\n`,
);
