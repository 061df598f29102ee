import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { startGateway } from '@cookbook/apim-gateway';
import { createLocalHost, startHostServer } from '@cookbook/functions-host';

// The ports recipe pages show: the local host as `nx serve` starts it, the gateway as `nx serve-apim` does.
export const PAGE_HOST_PORT = 7071;
export const PAGE_GATEWAY_PORT = 8080;
const CAPTURE_HOST_KEY = 'capture-output-host-key';

/** A recipe's built app on the local host, behind its local APIM gateway when it has one. */
export interface RecipeStack {
  /** Maps a URL as the page writes it (localhost:7071 / :8080) to the running servers. */
  resolveUrl(pageUrl: string): string;
  close(): Promise<void>;
}

interface RecipePackage {
  nx?: { targets?: { serve?: { command?: string } } };
}

/** Starts the built recipe (`dist/`) on ephemeral ports, as `nx serve` / `nx serve-apim` would run it. */
export async function startRecipeStack(recipeDir: string): Promise<RecipeStack> {
  const pkg = JSON.parse(readFileSync(join(recipeDir, 'package.json'), 'utf8')) as RecipePackage;
  const auth = /\s--auth\b/.test(pkg.nx?.targets?.serve?.command ?? '');
  const host = await createLocalHost(recipeDir, {
    auth,
    ...(auth ? { keys: { host: { default: CAPTURE_HOST_KEY } } } : {}),
    log: () => undefined,
  });
  const hostServer = await startHostServer(host, { port: 0 });
  const servers = new Map<number, string>([[PAGE_HOST_PORT, hostServer.url]]);
  const gatewayConfig = join(recipeDir, 'apim/local-gateway.json');
  let closeGateway = async (): Promise<void> => undefined;
  if (existsSync(gatewayConfig)) {
    const config = JSON.parse(readFileSync(gatewayConfig, 'utf8')) as {
      backends?: { url: string }[];
    };
    for (const backend of config.backends ?? []) {
      backend.url = backend.url.replace(/^http:\/\/[^/]+/, hostServer.url);
    }
    const gateway = await startGateway({
      config: config as Parameters<typeof startGateway>[0]['config'],
      baseDir: join(recipeDir, 'apim'),
      port: 0,
      env: { ...process.env, FUNCTIONS_HOST_KEY: CAPTURE_HOST_KEY },
    });
    servers.set(PAGE_GATEWAY_PORT, gateway.url);
    closeGateway = () => gateway.close();
  }
  return {
    resolveUrl(pageUrl) {
      const url = new URL(pageUrl);
      const server = servers.get(Number(url.port));
      if (!server)
        throw new Error(`${pageUrl}: no server of this recipe listens on port ${url.port}`);
      return `${server}${url.pathname}${url.search}`;
    },
    async close() {
      await closeGateway();
      await hostServer.close();
      await host.close();
    },
  };
}
