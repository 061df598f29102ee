import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { gatewayConfigJsonSchema } from '../src/config/config-json-schema.js';

const target = resolve(import.meta.dirname, '../local-gateway.schema.json');
await writeFile(target, `${JSON.stringify(gatewayConfigJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${target}\n`);
