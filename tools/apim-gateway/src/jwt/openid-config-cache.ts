import { createLocalJWKSet, type JSONWebKeySet } from 'jose';

const METADATA_TTL_MS = 60 * 60 * 1000;
const REFRESH_COOLDOWN_MS = 5 * 60 * 1000;

export interface OpenIdKeys {
  issuer: string | undefined;
  keys: JSONWebKeySet;
  getKey: ReturnType<typeof createLocalJWKSet>;
}

interface Entry {
  value: OpenIdKeys;
  fetchedAt: number;
}

export type FetchJson = (url: string) => Promise<unknown>;

/** APIM caches openid-config/JWKS for 1 h and re-fetches on an unknown kid at most every 5 min. */
export class OpenIdConfigCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<OpenIdKeys>>();
  private readonly fetchJson: FetchJson;
  private readonly now: () => number;

  constructor(options: { fetchJson?: FetchJson; now?: () => number } = {}) {
    this.fetchJson = options.fetchJson ?? defaultFetchJson;
    this.now = options.now ?? Date.now;
  }

  async get(url: string): Promise<OpenIdKeys> {
    return this.current(url) ?? this.load(url);
  }

  /** The keys of `url` if they are loaded and within the hour, without fetching. */
  current(url: string): OpenIdKeys | undefined {
    const entry = this.entries.get(url);
    return entry && this.now() - entry.fetchedAt < METADATA_TTL_MS ? entry.value : undefined;
  }

  /** Called when a token's kid is unknown: refresh unless we refreshed recently. */
  async refreshForUnknownKey(url: string): Promise<OpenIdKeys | undefined> {
    const entry = this.entries.get(url);
    if (entry && this.now() - entry.fetchedAt < REFRESH_COOLDOWN_MS) return undefined;
    return this.load(url);
  }

  private load(url: string): Promise<OpenIdKeys> {
    const pending = this.inFlight.get(url);
    if (pending) return pending;
    const promise = this.fetchKeys(url).finally(() => this.inFlight.delete(url));
    this.inFlight.set(url, promise);
    return promise;
  }

  private async fetchKeys(url: string): Promise<OpenIdKeys> {
    const metadata = await this.fetchJson(url);
    if (!isRecord(metadata) || typeof metadata['jwks_uri'] !== 'string') {
      throw new Error(`openid-config ${url} has no jwks_uri`);
    }
    const jwks = await this.fetchJson(metadata['jwks_uri']);
    if (!isRecord(jwks) || !Array.isArray(jwks['keys'])) {
      throw new Error(`JWKS ${metadata['jwks_uri']} has no keys array`);
    }
    const keys = jwks as unknown as JSONWebKeySet;
    const value: OpenIdKeys = {
      issuer: typeof metadata['issuer'] === 'string' ? metadata['issuer'] : undefined,
      keys,
      getKey: createLocalJWKSet(keys),
    };
    this.entries.set(url, { value, fetchedAt: this.now() });
    return value;
  }
}

async function defaultFetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`GET ${url} returned ${response.status}`);
  return response.json();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
