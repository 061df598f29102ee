import { GatewayLoadError } from '../xml/load-error.js';
import type { LoadedConfig } from './read-gateway-config.js';

/** Backend URLs to use instead of the config's (the config file itself is not changed). */
export interface BackendOverrides {
  /** By backend id. */
  backends?: Readonly<Record<string, string>>;
  /** Replaces api.serviceUrl. */
  serviceUrl?: string;
}

const HTTP_URL = /^https?:\/\/[^\s]+$/;

/** Applies overrides; an unknown backend id or a non-http(s) URL is a load error naming the choices. */
export function applyBackendOverrides(
  loaded: LoadedConfig,
  overrides: BackendOverrides,
): LoadedConfig {
  const { config, file } = loaded;
  const byId = overrides.backends ?? {};
  const known = new Set(config.backends.map((backend) => backend.id));
  for (const [id, url] of Object.entries(byId)) {
    if (!known.has(id)) {
      const choices = [...known].join(', ') || 'none configured';
      throw new GatewayLoadError(
        file,
        'backends',
        `no backend "${id}" to override (known: ${choices})`,
      );
    }
    if (!HTTP_URL.test(url))
      throw new GatewayLoadError(
        file,
        `backends.${id}`,
        `override URL must be absolute http(s), got "${url}"`,
      );
  }
  if (overrides.serviceUrl !== undefined && !HTTP_URL.test(overrides.serviceUrl)) {
    throw new GatewayLoadError(
      file,
      'api.serviceUrl',
      `override URL must be absolute http(s), got "${overrides.serviceUrl}"`,
    );
  }
  return {
    ...loaded,
    config: {
      ...config,
      api: {
        ...config.api,
        ...(overrides.serviceUrl === undefined ? {} : { serviceUrl: overrides.serviceUrl }),
      },
      backends: config.backends.map((backend) =>
        byId[backend.id] === undefined ? backend : { ...backend, url: byId[backend.id] as string },
      ),
    },
  };
}

/** Points every loopback backend (and a loopback serviceUrl) at `port`: the Functions host the stack started. */
export function loopbackPortOverrides(loaded: LoadedConfig, port: number): BackendOverrides {
  const moved = (url: string): string | undefined => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return undefined; // e.g. a host taken from a {{named value}}: not a literal loopback URL
    }
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)) return undefined;
    parsed.port = String(port);
    return parsed.toString().replace(/\/$/, url.endsWith('/') ? '/' : '');
  };
  const backends: Record<string, string> = {};
  for (const backend of loaded.config.backends) {
    const url = moved(backend.url);
    if (url) backends[backend.id] = url;
  }
  const serviceUrl = loaded.config.api.serviceUrl ? moved(loaded.config.api.serviceUrl) : undefined;
  return { backends, ...(serviceUrl ? { serviceUrl } : {}) };
}
