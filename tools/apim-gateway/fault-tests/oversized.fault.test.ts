import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startRecordingBackend } from '../src/testing.js';
import { rawConnection, type RawResponse } from '../test-fixtures/raw-http.js';
import { type ChildGateway, KEY, startChildGateway } from './child-gateway.js';

const MiB = 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'x');

/** Sends a request head, then 64 KiB body chunks until `bodyBytes` are written or the gateway closes. */
async function upload(
  port: number,
  head: string[],
  bodyBytes: number,
  chunked = false,
): Promise<{ response: RawResponse; sent: number }> {
  const connection = await rawConnection(`http://127.0.0.1:${port}`);
  connection.send(`${head.join('\r\n')}\r\n\r\n`);
  let answered = false;
  const response = connection.response().then((r) => {
    answered = true;
    return r;
  });
  let closed = false;
  void connection.closed.then(() => (closed = true));
  const frame = chunked
    ? Buffer.concat([Buffer.from(`${CHUNK.length.toString(16)}\r\n`), CHUNK, Buffer.from('\r\n')])
    : CHUNK;
  let sent = 0;
  // a real client keeps sending until it sees the answer or the connection closes
  while (sent < bodyBytes && !closed && !answered) {
    sent += CHUNK.length;
    if (!connection.socket.write(frame)) {
      await Promise.race([
        new Promise((resolve) => connection.socket.once('drain', resolve)),
        connection.closed,
        response,
      ]);
    }
  }
  const result = { response: await response, sent };
  connection.socket.destroy();
  return result;
}

describe('oversized heads and bodies', () => {
  let gateway: ChildGateway;
  let backendRequests: () => number;
  let closeBackend: () => Promise<void>;
  beforeAll(async () => {
    const backend = await startRecordingBackend();
    backendRequests = () => backend.requests.length;
    closeBackend = () => backend.close();
    gateway = await startChildGateway({ backendUrl: `${backend.url}/api` });
  });
  afterAll(async () => {
    await gateway.stop();
    await closeBackend();
  });

  it('50 request heads of 64 KiB get 431 with APIM’s JSON body; the gateway keeps serving', async () => {
    const replies = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const connection = await rawConnection(gateway.url);
        connection.send(
          `GET /api/health HTTP/1.1\r\nHost: gw\r\nX-Big: ${'a'.repeat(64 * 1024)}\r\n\r\n`,
        );
        return connection.response();
      }),
    );
    expect(replies.map((r) => [r.status, r.body])).toEqual(
      Array(50).fill([431, '{"statusCode":431,"message":"Request Header Fields Too Large"}']),
    );
    const connection = await rawConnection(gateway.url);
    connection.send(
      `GET /api/health HTTP/1.1\r\nHost: gw\r\nOcp-Apim-Subscription-Key: ${KEY}\r\n\r\n`,
    );
    expect((await connection.response()).status).toBe(200);
  });

  it('20 parallel 200 MB uploads get 401 (no key, chunked) or 413 (declared) from the head; the gateway’s memory stays flat', async (context) => {
    const before = await gateway.memory();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 === 0
          ? upload(
              gateway.port,
              ['POST /api/catalog HTTP/1.1', 'Host: gw', 'Transfer-Encoding: chunked'],
              200 * MiB,
              true,
            )
          : upload(
              gateway.port,
              [
                'POST /api/catalog HTTP/1.1',
                'Host: gw',
                `Ocp-Apim-Subscription-Key: ${KEY}`,
                `Content-Length: ${200 * MiB}`,
              ],
              200 * MiB,
            ),
      ),
    );
    const after = await gateway.memory();
    context.task.meta.rssBefore = before.rss;
    context.task.meta.rssAfter = after.rss;
    expect(results.map((r) => r.response.status)).toEqual(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 401 : 413)),
    );
    // answered from the head: far less than the 200 MB is ever sent
    expect(Math.max(...results.map((r) => r.sent))).toBeLessThan(64 * MiB);
    expect(after.rss - before.rss).toBeLessThan(64 * MiB);
  });

  it('a declared body over the limit gets 413 before it is sent; a chunked one as soon as it passes the limit', async () => {
    const forwarded = backendRequests();
    const declared = await upload(
      gateway.port,
      [
        'POST /api/catalog HTTP/1.1',
        'Host: gw',
        `Ocp-Apim-Subscription-Key: ${KEY}`,
        `Content-Length: ${200 * MiB}`,
      ],
      200 * MiB,
    );
    expect([declared.response.status, declared.response.body]).toEqual([
      413,
      '{"statusCode":413,"message":"Request entity too large"}',
    ]);
    const connection = await rawConnection(gateway.url);
    connection.send(
      [
        'POST /api/catalog HTTP/1.1',
        'Host: gw',
        `Ocp-Apim-Subscription-Key: ${KEY}`,
        'Transfer-Encoding: chunked',
        '',
        '',
      ].join('\r\n'),
    );
    const chunk = `${MiB.toString(16)}\r\n${'y'.repeat(MiB)}\r\n`;
    const answered = connection.response();
    for (let i = 0; i < 12 && !connection.socket.destroyed; i++) connection.send(chunk);
    expect((await answered).status).toBe(413);
    expect(backendRequests()).toBe(forwarded);
  });
});
