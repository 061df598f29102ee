import { connect } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  startTestGateway,
  SUBSCRIPTION_KEY,
  type TestGateway,
} from '../test-fixtures/test-gateway.js';

/** A connection that trickles `text` one byte every `everyMs`; resolves with all it got back. */
function trickle(port: number, text: string, everyMs: number, from = 0): Promise<string> {
  return new Promise((resolve) => {
    let reply = '';
    let index = from;
    let timer: NodeJS.Timeout | undefined;
    // the trickle starts once connected: a connecting socket queues writes, so an earlier tick
    // under load would put body bytes before the head
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(text.slice(0, from));
      timer = setInterval(() => {
        if (index < text.length && socket.writable) socket.write(text[index++] ?? '');
      }, everyMs);
    });
    socket.on('data', (chunk) => (reply += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      resolve(reply);
    });
  });
}

const JSON_408 =
  /^HTTP\/1\.1 408 [^\r]*\r\n[\s\S]*\r\n\r\n\{"statusCode":408,"message":"Request Timeout"\}$/;

describe('slowloris: slow heads and slow bodies', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    // Node's defaults (60 s for the head, 300 s for the whole request), shortened for the test.
    gw = await startTestGateway({ server: { headersTimeoutMs: 500, requestTimeoutMs: 1500 } });
  });
  afterAll(() => gw.close());
  const port = (): number => Number(new URL(gw.gateway.url).port);
  const head = `GET /api/health HTTP/1.1\r\nHost: gw\r\nOcp-Apim-Subscription-Key: ${SUBSCRIPTION_KEY}\r\nx-pad: ${'a'.repeat(200)}\r\n\r\n`;

  it('200 connections trickling their request head all get 408 with APIM’s JSON body and are closed', async () => {
    const replies = await Promise.all(Array.from({ length: 200 }, () => trickle(port(), head, 20)));
    expect(replies.filter((reply) => JSON_408.test(reply))).toHaveLength(200);
  });

  it('normal requests are served while 100 slow heads are pending', async () => {
    const slow = Array.from({ length: 100 }, () => trickle(port(), head, 20));
    const normal = await Promise.all(Array.from({ length: 50 }, () => gw.call('/api/health')));
    expect(normal.map((response) => response.status)).toEqual(Array(50).fill(200));
    await Promise.all(slow);
  });

  it('50 bodies that never finish get 408 with APIM’s JSON body once the request timeout passes', async () => {
    const request = `POST /api/catalog HTTP/1.1\r\nHost: gw\r\nOcp-Apim-Subscription-Key: ${SUBSCRIPTION_KEY}\r\nContent-Length: 100000\r\n\r\n${'b'.repeat(100_000)}`;
    const headEnd = request.indexOf('\r\n\r\n') + 4;
    const forwarded = gw.backend.requests.length;
    const replies = await Promise.all(
      Array.from({ length: 50 }, () => trickle(port(), request, 20, headEnd)),
    );
    expect(replies.filter((reply) => JSON_408.test(reply))).toHaveLength(50);
    expect(gw.backend.requests).toHaveLength(forwarded);
  });
});
