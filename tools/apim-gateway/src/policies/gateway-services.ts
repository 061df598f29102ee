import type { BoundedCache } from '../cache/bounded-cache.js';
import type { FixedWindowQuota } from '../cache/fixed-window-quota.js';
import type { SlidingWindowLimiter } from '../cache/sliding-window-limiter.js';
import type { HeaderBag } from '../http/header-bag.js';
import type { OpenIdConfigCache } from '../jwt/openid-config-cache.js';

export interface ResolvedBackend {
  id: string;
  url: string;
  credentials: { header: Record<string, string[]>; query: Record<string, string[]> };
}

export interface CachedResponse {
  status: number;
  reason: string;
  headers: HeaderBag;
  body: Buffer;
}

export interface GatewayLog {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

/** Shared state and collaborators the compiled policies use at request time. */
export interface GatewayServices {
  backends: ReadonlyMap<string, ResolvedBackend>;
  responseCache: BoundedCache<CachedResponse>;
  /** The response cache's byte budget: cache-store buffers a streaming body up to this, no more. */
  responseCacheMaxBytes: number;
  valueCache: BoundedCache<unknown>;
  rateLimiter: SlidingWindowLimiter;
  quotas: FixedWindowQuota;
  openIdConfigs: OpenIdConfigCache;
  log: GatewayLog;
}
