import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type BackendHandler = (
  request: RecordedRequest,
  res: ServerResponse,
) => void | Promise<void>;

export interface RecordingBackend {
  url: string;
  requests: RecordedRequest[];
  /** Replace how the backend answers (default: 200 JSON echo of the request). */
  respondWith(handler: BackendHandler): void;
  close(): Promise<void>;
}

const echo: BackendHandler = (request, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ method: request.method, url: request.url, body: request.body }));
};

/** A loopback HTTP backend on an ephemeral port that records what the gateway forwarded. */
export async function startRecordingBackend(
  handler: BackendHandler = echo,
): Promise<RecordingBackend> {
  const requests: RecordedRequest[] = [];
  let current = handler;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      void Promise.resolve(current(recorded, res)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respondWith(next) {
      current = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
