import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

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

export const recipeDir: string = resolve(import.meta.dirname, '../../../apim-function-backend');
export const localGatewayConfigPath: string = resolve(recipeDir, 'apim/local-gateway.json');
export const localGatewayPort = 8080;
export const localHostPort = 7071;
/** hello-http-minimal has no APIM in front: the suite calls its local host directly. */
export const localHelloPort = 7072;
export const helloRecipeDir: string = resolve(import.meta.dirname, '../../../hello-http-minimal');
/** Dev-only function host key shared by the local host (--auth) and the local gateway backend. */
export const localFunctionsHostKey = 'local-dev-functions-host-key';

interface LocalGatewayConfig {
  namedValues: Record<string, string>;
  subscriptions: { id: string; key: string }[];
}

function readLocalConfig(): LocalGatewayConfig {
  return JSON.parse(readFileSync(localGatewayConfigPath, 'utf8')) as LocalGatewayConfig;
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
    baseURL: `http://127.0.0.1:${localGatewayPort}`,
    subscriptionKey: key('local-dev'),
    rateLimitSubscriptionKey: key('e2e-rate-limit'),
    cacheSeconds: Number(config.namedValues['cache-duration'] ?? 10),
  };
}
