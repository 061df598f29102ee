import { relative } from 'node:path';

import { writeOpenApiDocument } from '@cookbook/http-kit';

import { apiRoutes, openApiOptions } from '../src/routes.js';

// The document the docs site renders and an API gateway would import.
const [outFile = 'dist/openapi.json'] = process.argv.slice(2);
const path = await writeOpenApiDocument(apiRoutes, openApiOptions, outFile);
process.stdout.write(`Wrote ${relative(process.cwd(), path)}\n`);
