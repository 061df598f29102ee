import { readFile } from 'node:fs/promises';

import type { GatewayConfigInput } from '@cookbook/apim-gateway';

import { RECIPE_GATEWAY_CONFIG } from '../settings.js';

/** The recipe's gateway config as deployed, with a rate limit the bench's load cannot reach. */
export async function benchGatewayConfig(): Promise<GatewayConfigInput> {
  const config = JSON.parse(await readFile(RECIPE_GATEWAY_CONFIG, 'utf8')) as GatewayConfigInput;
  // The limiter still counts every call (its full cost); only the threshold is out of reach.
  // A cache entry outlives the run, so every request of the HIT variant is a HIT.
  return {
    ...config,
    namedValues: {
      ...config.namedValues,
      'rate-limit-calls': '1000000000',
      'cache-duration': '3600',
    },
  };
}
