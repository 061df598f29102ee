import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { type GatewayConfigInput, startGateway } from '@cookbook/apim-gateway';
import { createLocalHost, startHostServer } from '@cookbook/functions-host';

import type { Recipe } from './read-recipes.js';
import { startServices } from './services/start-services.js';

// The ports recipe pages show: the local host as `nx serve` starts it, the gateway as `nx serve-apim` does.
export const PAGE_HOST_PORT = 7071;
export const PAGE_GATEWAY_PORT = 8080;

/** How to run one recipe's local stack. */
export interface RecipeStackOptions {
  /** Host port (default 0: any free port). */
  hostPort?: number;
  /** Gateway port, when APIM fronts the recipe (default 0). */
  gatewayPort?: number;
  /** Enforce function keys; default: as the recipe's `nx serve` does (metadata `local.auth`). */
  auth?: boolean;
  /** The host key the gateway sends and the host accepts when keys are enforced. */
  hostKey?: string;
  /** Print host and gateway logs (default: silent). */
  verbose?: boolean;
  /** App settings over the metadata's and the services' (a test pointing the recipe elsewhere). */
  env?: Record<string, string>;
}

/** A recipe's built app on the local host, behind its local APIM gateway when it has one. */
export interface RecipeStack {
  hostUrl: string;
  gatewayUrl: string | undefined;
  /** Maps a URL as a page writes it (localhost:7071 / :8080) to the running servers. */
  resolveUrl(pageUrl: string): string;
  close(): Promise<void>;
}

/** Starts the built recipe (`dist/`), keys enforced when its metadata says so, and its gateway pointed at it. */
export async function startRecipeStack(
  recipe: Recipe,
  options: RecipeStackOptions = {},
): Promise<RecipeStack> {
  const { apimConfig } = recipe.metadata.local;
  const auth = options.auth ?? recipe.metadata.local.auth;
  const hostKey = options.hostKey ?? 'local-recipe-stack-host-key';
  const silent = (): undefined => undefined;
  const services = await startServices(recipe);
  const keys = recipe.metadata.local.keys ?? { host: { default: hostKey } };
  const host = await createLocalHost(recipe.dir, {
    auth,
    env: { ...services.env, ...options.env },
    ...(auth ? { keys: { ...keys, host: { default: hostKey, ...keys.host } } } : {}),
    ...(options.verbose ? {} : { log: silent }),
  }).catch(async (error: unknown) => {
    await services.close();
    throw error;
  });
  const hostServer = await startHostServer(host, { port: options.hostPort ?? 0 });
  const servers = new Map<number, string>([[PAGE_HOST_PORT, hostServer.url]]);
  let gateway: Awaited<ReturnType<typeof startGateway>> | undefined;
  if (apimConfig) {
    const configFile = join(recipe.dir, apimConfig);
    if (!existsSync(configFile))
      throw new Error(`${recipe.path}: the metadata names ${apimConfig}, which does not exist`);
    const config = JSON.parse(readFileSync(configFile, 'utf8')) as GatewayConfigInput;
    // the gateway's backend is the host just started, wherever its port is
    for (const backend of config.backends ?? [])
      backend.url = backend.url.replace(/^https?:\/\/[^/]+/, hostServer.url);
    gateway = await startGateway({
      config,
      baseDir: join(configFile, '..'),
      port: options.gatewayPort ?? 0,
      env: { ...process.env, FUNCTIONS_HOST_KEY: hostKey },
      ...(options.verbose ? {} : { log: { info: silent, warn: silent } }),
    });
    servers.set(PAGE_GATEWAY_PORT, gateway.url);
  }
  return {
    hostUrl: hostServer.url,
    gatewayUrl: gateway?.url,
    resolveUrl(pageUrl) {
      const url = new URL(pageUrl);
      const server = servers.get(Number(url.port));
      if (!server)
        throw new Error(`${pageUrl}: no server of ${recipe.name} listens on port ${url.port}`);
      return `${server}${url.pathname}${url.search}`;
    },
    async close() {
      await gateway?.close();
      await hostServer.close();
      await host.close();
      await services.close();
    },
  };
}
