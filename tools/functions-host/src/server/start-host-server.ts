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
  const declared = req.headers['content-length'];
  const length = declared === undefined ? undefined : Number(declared);
  if (length !== undefined && length > maxRequestBodySize) return reject(res, 413);
  const chunked = length === undefined && req.headers['transfer-encoding'] !== undefined;

  let body: Uint8Array | undefined;
  if (length !== undefined && length > 0) {
    body = await readBody(req, length);
  } else if (chunked) {
    const dropped = await drain(req, maxRequestBodySize);
    if (dropped === undefined) return reject(res, 413);
    if (dropped > 0) host.warnOnce('chunked', CHUNKED_WARNING);
  }

  const hostHeader = req.headers.host ?? `localhost`;
  if (!rawUrl.startsWith('/') || !isValidTarget(hostHeader, rawUrl)) return reject(res, 400);
  // Raw header lines keep repeats apart; the host joins them with "," (not Node's ", ").
  const headers: [string, string][] = [];
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.push([raw[i] ?? '', raw[i + 1] ?? '']);
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

/** The library builds a WHATWG Request from this URL; reject what it could not parse. */
function isValidTarget(host: string, target: string): boolean {
  return (
    (PLAIN_HOST.test(host) && !/[\s\\]/.test(target)) || URL.canParse(`http://${host}${target}`)
  );
}

function write(res: ServerResponse, response: HostResponse): void {
  const headers: string[] = [];
  for (const [name, value] of response.headers) headers.push(name, value);
  const body = response.body;
  if (body && !response.headers.some(([name]) => name.toLowerCase() === 'content-length')) {
    headers.push('content-length', String(body.length));
  } else if (!body) {
    headers.push('content-length', '0');
  }
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
