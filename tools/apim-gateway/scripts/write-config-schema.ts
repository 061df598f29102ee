import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { format } from 'prettier';

import { gatewayConfigJsonSchema } from '../src/config/config-json-schema.js';

const target = resolve(import.meta.dirname, '../local-gateway.schema.json');
// formatted as the repository formats JSON, so regenerating leaves `prettier --check` green
await writeFile(
  target,
  await format(JSON.stringify(gatewayConfigJsonSchema()), { filepath: target }),
);
process.stdout.write(`wrote ${target}\n`);
