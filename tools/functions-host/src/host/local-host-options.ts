import type { HostKeys, HostKeysInput } from '../auth/host-keys.js';
import type { RpcLogLevel } from '../core/core-types.js';
import type { HostLogSink } from '../core/host-log.js';
import type { HostRequest, HostResponse } from '../http/host-request.js';
import type { RegisteredHttpFunction } from '../routing/http-function.js';

export interface LocalHostOptions {
  /** Enforce each function's authLevel like Azure (off by default, like Core Tools). */
  auth?: boolean;
  /** Keys to accept when `auth` is on; when given, `.local-keys.json` is neither read nor written. */
  keys?: HostKeysInput;
  /** Extra app settings, applied over process.env while the host is open. */
  env?: Record<string, string>;
  /** Where log lines go; defaults to stdout/stderr in `func start` style. */
  log?: HostLogSink;
  /** Minimum level printed by the default sink (default `information`). */
  logLevel?: RpcLogLevel;
  /**
   * Largest accepted request body in bytes; default: app setting FUNCTIONS_REQUEST_BODY_SIZE_LIMIT,
   * else Azure's 100 MB.
   */
  maxRequestBodySize?: number;
  /** Longest accepted URL; Azure's limit is 4096 characters (the default). */
  maxUrlLength?: number;
  /**
   * After this long without a response the client gets 502, as from Azure's front end (230 s,
   * the default); the invocation keeps running until host.json `functionTimeout`. `null`: never.
   */
  frontEndTimeoutMs?: number | null;
  /** Add the headers Azure's front end adds (`x-forwarded-for`, ...); default true. */
  frontEndHeaders?: boolean;
  /** Base URL printed in the banner and used for function URLs (default http://localhost:7071). */
  baseUrl?: string;
  /** Print the `func start`-style banner (default false for the in-process API). */
  banner?: boolean;
}

export interface LocalHost {
  /** Sends a request through routing, keys, encoding and the worker pipeline; no port involved. */
  fetch(request: Request): Promise<Response>;
  /** HTTP functions in the order the host tries them. */
  functions: RegisteredHttpFunction[];
  /** Runs appTerminate hooks and restores process.env. */
  close(): Promise<void>;
  /** The resolved keys when `auth` is on. */
  keys: HostKeys | undefined;
  routePrefix: string;
  /** Start-up warnings (overlapping routes, ...), also logged. */
  warnings: string[];
  limits: HostLimits;
  /** Low-level entry used by the HTTP server adapter. */
  handle(request: HostRequest): Promise<HostResponse>;
  /** True when the app enabled HTTP streams (`app.setup({ enableHttpStream: true })`). */
  streams: boolean;
  /** Logs a one-time warning (used by adapters, e.g. for dropped chunked bodies). */
  warnOnce(key: string, message: string): void;
}

export interface HostLimits {
  maxRequestBodySize: number;
  maxUrlLength: number;
  /** host.json `functionTimeout` in ms (Flex Consumption default: 30 min); undefined = unbounded. */
  functionTimeoutMs: number | undefined;
  functionTimeoutText: string;
  frontEndTimeoutMs: number | undefined;
  /** host.json `extensions.http` queue limits; -1 = unbounded. */
  maxOutstandingRequests: number;
  maxConcurrentRequests: number;
}
