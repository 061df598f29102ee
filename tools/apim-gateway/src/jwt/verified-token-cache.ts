/** A token whose signature one validate-jwt policy verified, and the key sets it was checked with. */
export interface VerifiedToken {
  /** The policy's rules (JwtRules), compared by identity. */
  rules: object;
  header: Readonly<Record<string, unknown>>;
  payload: Readonly<Record<string, unknown>>;
  /** Each openid-config's key set at verification time (rules.openIdConfigUrls order). */
  keySets: readonly unknown[];
}

const DEFAULT_MAX_ENTRIES = 1000;
// Longer tokens are verified every time: the cache's memory stays bounded by count × this.
const MAX_CACHED_TOKEN_CHARS = 8 * 1024;

/**
 * Signature results of identical tokens, so a token is not re-verified on every request. Only the
 * signature is remembered: lifetime, audience, issuer and required claims are checked on each
 * request, and an entry counts only while its policy's key sets are the very ones it was checked
 * with (a JWKS refresh or key rollover verifies again). Failed tokens are never stored.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, VerifiedToken>();
  private readonly maxEntries: number;

  constructor(options: { maxEntries?: number } = {}) {
    this.maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The verified token, if `rules` verified it against exactly `currentKeySets`. */
  get(token: string, rules: object, currentKeySets: readonly unknown[]): VerifiedToken | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.rules !== rules || !sameKeySets(entry.keySets, currentKeySets)) {
      this.entries.delete(token);
      return undefined;
    }
    // least recently used goes first
    this.entries.delete(token);
    this.entries.set(token, entry);
    return entry;
  }

  set(token: string, entry: VerifiedToken): void {
    if (token.length > MAX_CACHED_TOKEN_CHARS || this.maxEntries <= 0) return;
    this.entries.delete(token);
    this.entries.set(token, {
      ...entry,
      header: deepFreeze(entry.header),
      payload: deepFreeze(entry.payload),
    });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}

function sameKeySets(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] === undefined || a[i] !== b[i]) return false;
  return true;
}

// Requests share a cached payload; freezing it keeps one request from changing another's claims.
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
