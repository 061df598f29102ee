import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  reason: string;
  headers: Record<string, string>;
  body: string;
  /** Interim 1xx responses that came before the final one (e.g. 100 Continue). */
  interim: number[];
}

export interface RawConnection {
  socket: Socket;
  send(text: string | Buffer): void;
  /** The next complete final response (Content-Length framed). */
  response(): Promise<RawResponse>;
  /** Resolves when the server has closed the connection. */
  closed: Promise<void>;
}

/** A plain TCP connection to the gateway, for what fetch cannot do: partial heads, unsent bodies. */
export function rawConnection(url: string): Promise<RawConnection> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let buffer = Buffer.alloc(0);
    let waiting: ((response: RawResponse) => void) | undefined;
    const interim: number[] = [];
    const closed = new Promise<void>((resolveClosed) =>
      socket.once('close', () => resolveClosed()),
    );
    const tryParse = (): void => {
      while (waiting) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const [statusLine = '', ...lines] = buffer
          .subarray(0, end)
          .toString('latin1')
          .split('\r\n');
        const match = /^HTTP\/1\.1 (\d{3}) ?(.*)$/.exec(statusLine);
        if (!match) throw new Error(`not an HTTP response: ${statusLine}`);
        const status = Number(match[1]);
        const headers: Record<string, string> = {};
        for (const line of lines) {
          const colon = line.indexOf(':');
          headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
        }
        if (status < 200) {
          interim.push(status);
          buffer = buffer.subarray(end + 4);
          continue;
        }
        const length = Number(headers['content-length'] ?? 0);
        if (buffer.length < end + 4 + length) return;
        const body = buffer.subarray(end + 4, end + 4 + length).toString('utf8');
        buffer = buffer.subarray(end + 4 + length);
        const deliver = waiting;
        waiting = undefined;
        deliver({ status, reason: match[2] ?? '', headers, body, interim: interim.splice(0) });
      }
    };
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      tryParse();
    });
    socket.on('error', () => undefined);
    socket.once('connect', () =>
      resolve({
        socket,
        send: (text) => socket.write(text),
        response: () =>
          new Promise((resolveResponse) => {
            waiting = resolveResponse;
            tryParse();
          }),
        closed,
      }),
    );
    socket.once('error', reject);
  });
}
