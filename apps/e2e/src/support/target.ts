import { readFileSync } from 'node:fs';

import { localGatewayConfigPath, localGatewayUrl } from './local-recipes.js';

export type TargetMode = 'deployed' | 'local';

export interface E2eTarget {
  mode: TargetMode;
  /** APIM gateway base URL; API paths start with /api like the function's own. */
  baseURL: string;
  subscriptionKey: string;
  /** A second subscription so rate-limit tests have their own counter. */
  rateLimitSubscriptionKey: string;
  /** Seconds a cached catalog response lives (policy named value cache-duration). */
  cacheSeconds: number;
}

/** The recipe the APIM specs exercise. */
export const apimRecipe = 'apim-function-backend';

interface LocalGatewayConfig {
  namedValues: Record<string, string>;
  subscriptions: { id: string; key: string }[];
}

function readLocalConfig(): LocalGatewayConfig {
  return JSON.parse(readFileSync(localGatewayConfigPath(apimRecipe), 'utf8')) as LocalGatewayConfig;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set when APIM_BASE_URL points at a deployed APIM.`);
  return value;
}

/** Deployed APIM when APIM_BASE_URL is set, the local gateway otherwise. */
export function resolveTarget(env: NodeJS.ProcessEnv = process.env): E2eTarget {
  if (env['APIM_BASE_URL']) {
    const subscriptionKey = required('APIM_SUBSCRIPTION_KEY');
    return {
      mode: 'deployed',
      baseURL: env['APIM_BASE_URL'].replace(/\/+$/, ''),
      subscriptionKey,
      rateLimitSubscriptionKey: env['APIM_RATE_LIMIT_SUBSCRIPTION_KEY'] ?? subscriptionKey,
      cacheSeconds: Number(env['APIM_CACHE_SECONDS'] ?? 60),
    };
  }
  const config = readLocalConfig();
  const key = (id: string): string => {
    const subscription = config.subscriptions.find((s) => s.id === id);
    if (!subscription) throw new Error(`local-gateway.json has no subscription "${id}"`);
    return subscription.key;
  };
  return {
    mode: 'local',
    baseURL: localGatewayUrl(apimRecipe),
    subscriptionKey: key('local-dev'),
    rateLimitSubscriptionKey: key('e2e-rate-limit'),
    cacheSeconds: Number(config.namedValues['cache-duration'] ?? 10),
  };
}
