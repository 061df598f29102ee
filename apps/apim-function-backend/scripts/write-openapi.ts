import { relative } from 'node:path';

import { writeOpenApiDocument } from '@cookbook/http-kit';

import { catalogOpenApiOptions, catalogRoutes } from '../src/routes.js';

// The document APIM imports (infra/main.bicep, infra/main.tf) and the local gateway routes with.
const [outFile = 'dist/openapi.json'] = process.argv.slice(2);
const path = await writeOpenApiDocument(catalogRoutes, catalogOpenApiOptions, outFile);
process.stdout.write(`Wrote ${relative(process.cwd(), path)}\n`);
