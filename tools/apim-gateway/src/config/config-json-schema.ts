import { z } from 'zod';

import { gatewayConfigSchema } from './gateway-config-schema.js';

/** JSON Schema of local-gateway.json for editors (`"$schema"`); generated from the zod schema. */
export function gatewayConfigJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(gatewayConfigSchema, { io: 'input' }),
    title: 'Local APIM gateway config (tools/apim-gateway)',
  };
}
