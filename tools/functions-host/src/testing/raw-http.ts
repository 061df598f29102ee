import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  /** Everything received up to the end of the first final response (or the close). */
  text: string;
  /** Whether an interim `100 Continue` arrived before the final response. */
  continued: boolean;
  /** Body bytes the client had written when the final response arrived. */
  bytesSent: number;
}

export interface RawRequestOptions {
  /** Body chunks written one after another (until the response arrives). */
  body?: Iterable<string | Uint8Array>;
}

/**
 * Writes a raw HTTP/1.1 request on a fresh loopback connection and resolves at the first final
 * response (or when the server closes), so tests can see what the server does before a body
 * has been sent. Errors after the response (EPIPE, ECONNRESET) are expected and ignored.
 */
export function rawRequest(
  port: number,
  head: string,
  options: RawRequestOptions = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1');
    let text = '';
    let done = false;
    let bytesSent = 0;
    const finish = (): void => {
      if (done) return;
      const final = /HTTP\/1\.1 ([2-5]\d\d)/.exec(text);
      if (!final) return;
      const headEnd = text.indexOf('\r\n\r\n', final.index);
      if (headEnd === -1) return;
      const length = /content-length: *(\d+)/i.exec(text.slice(final.index, headEnd));
      if (text.length - headEnd - 4 < Number(length?.[1] ?? 0)) return;
      done = true;
      socket.destroy();
      resolve({
        status: Number(final[1]),
        text,
        continued: /^HTTP\/1\.1 100/.test(text),
        bytesSent,
      });
    };
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      finish();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      finish();
      if (!done) reject(new Error(`Connection closed without a response. Received: ${text}`));
    });
    socket.on('connect', () => {
      socket.write(head);
      void (async () => {
        for (const chunk of options.body ?? []) {
          if (done || socket.destroyed) return;
          bytesSent += chunk.length;
          if (!socket.write(chunk)) {
            await new Promise<void>((drained) => {
              const done = (): void => {
                socket.off('drain', done);
                socket.off('close', done);
                drained();
              };
              socket.on('drain', done);
              socket.on('close', done);
            });
          }
        }
      })();
    });
  });
}

/** `count` chunks of `size` bytes each, produced lazily (a 99 MB body costs no memory). */
export function* lazyBody(count: number, size: number): Generator<Uint8Array> {
  const chunk = Buffer.alloc(size, 0x61);
  for (let i = 0; i < count; i += 1) yield chunk;
}
