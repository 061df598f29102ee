import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { LocalHost } from '../host/local-host-options.js';
import { CHUNKED_WARNING } from '../http/fetch-adapter.js';
import type { HostRequest, HostResponse } from '../http/host-request.js';

export interface HostServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Serves a LocalHost over node:http with Azure's request limits; bad requests get a 4xx. */
export async function startHostServer(
  host: LocalHost,
  options: { port?: number; hostname?: string } = {},
): Promise<HostServer> {
  const server = createServer((req, res) => {
    serve(host, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable)
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  const hostname = options.hostname ?? '127.0.0.1';
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, hostname, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    url: `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

async function serve(host: LocalHost, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { maxRequestBodySize, maxUrlLength } = host.limits;
  const rawUrl = req.url ?? '/';
  if (rawUrl.length > maxUrlLength) return reject(res, 414);
  // One pass over the raw header lines (Node builds req.headers lazily; it is never needed):
  // repeats stay apart for the host's "," join, and Node's own first-wins rule applies to
  // Host and Content-Length.
  const raw = req.rawHeaders;
  const headers: [string, string][] = new Array<[string, string]>(raw.length >> 1);
  let hostHeader: string | undefined;
  let declared: string | undefined;
  let chunked = false;
  for (let i = 0, line = 0; i + 1 < raw.length; i += 2, line += 1) {
    const name = raw[i] as string;
    const value = raw[i + 1] as string;
    headers[line] = [name, value];
    const length = name.length;
    if (length === 4) {
      if (hostHeader === undefined && name.toLowerCase() === 'host') hostHeader = value;
    } else if (length === 14) {
      if (declared === undefined && name.toLowerCase() === 'content-length') declared = value;
    } else if (length === 17 && name.toLowerCase() === 'transfer-encoding') {
      chunked = true;
    }
  }
  const length = declared === undefined ? undefined : Number(declared);
  if (length !== undefined && length > maxRequestBodySize) return reject(res, 413);
  chunked &&= length === undefined;

  let body: Uint8Array | undefined;
  if (length !== undefined && length > 0) {
    body = await readBody(req, length);
  } else if (chunked) {
    const dropped = await drain(req, maxRequestBodySize);
    if (dropped === undefined) return reject(res, 413);
    if (dropped > 0) host.warnOnce('chunked', CHUNKED_WARNING);
  }

  hostHeader ??= 'localhost';
  if (rawUrl.charCodeAt(0) !== 47 /* "/" */ || !isValidTarget(hostHeader, rawUrl)) {
    return reject(res, 400);
  }
  const queryStart = rawUrl.indexOf('?');
  const request: HostRequest = {
    method: req.method ?? 'GET',
    url: `http://${hostHeader}${rawUrl}`,
    path: queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart),
    query: queryStart === -1 ? '' : rawUrl.slice(queryStart + 1),
    headers,
    body,
  };
  write(res, await host.handle(request));
}

const PLAIN_HOST = /^[a-z0-9.-]+(?::\d{1,5})?$/i;
const UNSAFE_TARGET = /[\s\\]/;

/** The library builds a WHATWG Request from this URL; reject what it could not parse. */
function isValidTarget(host: string, target: string): boolean {
  return (
    (PLAIN_HOST.test(host) && !UNSAFE_TARGET.test(target)) ||
    URL.canParse(`http://${host}${target}`)
  );
}

function write(res: ServerResponse, response: HostResponse): void {
  const headers: string[] = [];
  let hasLength = false;
  for (const [name, value] of response.headers) {
    headers.push(name, value);
    if (name.length === 14 && name.toLowerCase() === 'content-length') hasLength = true;
  }
  const body = response.body;
  if (!body) headers.push('content-length', '0');
  else if (!hasLength) headers.push('content-length', String(body.length));
  res.writeHead(response.status, headers);
  res.end(body);
}

function reject(res: ServerResponse, status: number): void {
  res.setHeader('connection', 'close');
  write(res, { status, headers: [], body: undefined });
  res.req.resume();
}

function readBody(req: IncomingMessage, length: number): Promise<Uint8Array> {
  return new Promise((resolveBody, rejectBody) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolveBody(Buffer.concat(chunks, length)));
    req.on('error', rejectBody);
  });
}

/** Reads and discards a body; undefined when it exceeds the limit. */
function drain(req: IncomingMessage, limit: number): Promise<number | undefined> {
  return new Promise((resolveDrain, rejectDrain) => {
    let total = 0;
    req.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolveDrain(undefined);
      }
    });
    req.on('end', () => resolveDrain(total));
    req.on('error', rejectDrain);
  });
}
