import type { Readable } from 'node:stream';

/** A request as the host received it, before any Functions-specific encoding. */
export interface HostRequest {
  method: string;
  /** scheme + Host header + path + query, as the host builds `RpcHttp.url`. */
  url: string;
  /** Raw (still percent-encoded) path, starting with "/". */
  path: string;
  /** Raw query string without the leading "?". */
  query: string;
  /** Header lines as received; names in any case, repeats allowed. */
  headers: [string, string][];
  /** The body bytes when the request declared `Content-Length > 0`; otherwise undefined. */
  body?: Uint8Array | undefined;
  /**
   * Reads the body on demand, so it is only read for a request that will be invoked (after
   * routing and the key check). Rejects with a RequestRejection (413, 408, 400). Wins over `body`.
   */
  readBody?: () => Promise<Uint8Array | undefined>;
  /**
   * HTTP streams mode: opens the body as a stream, read only as fast as the worker reads it; it
   * fails with a RequestRejection (413) once past the limit. Throws a RequestRejection when the
   * declared Content-Length is already too large; undefined when there is no body. Wins over both.
   */
  openBody?: () => Readable | undefined;
  /** Aborted when the client goes away before its response is complete. */
  clientGone?: AbortSignal;
  /** The client's address and port, for the front end's `x-forwarded-for`. */
  remoteAddress?: string;
  remotePort?: number;
}

export interface HostResponse {
  status: number;
  headers: [string, string][];
  body: Uint8Array | undefined;
  /** HTTP streams mode: the body as it arrives from the worker (consume it, or destroy it). */
  stream?: Readable;
}

export function emptyResponse(status: number): HostResponse {
  return { status, headers: [], body: undefined };
}
