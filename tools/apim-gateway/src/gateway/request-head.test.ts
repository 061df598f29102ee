import { describe, expect, it } from 'vitest';

import { rawConnection } from '../../test-fixtures/raw-http.js';
import { SUBSCRIPTION_KEY, useTestGateways } from '../../test-fixtures/test-gateway.js';

const gatewayWith = useTestGateways();
const HUGE = 200 * 1024 * 1024;
const MISSING_KEY =
  'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.';

function head(lines: string[]): string {
  return `${lines.join('\r\n')}\r\n\r\n`;
}

describe('decisions from the request head, before a byte of the body is read', () => {
  it('a declared 200 MB body gets 413 at once, without sending it, and the gateway closes the connection', async () => {
    const gw = await gatewayWith();
    const connection = await rawConnection(gw.gateway.url);
    connection.send(
      head([
        'POST /api/catalog HTTP/1.1',
        'Host: gateway',
        `Ocp-Apim-Subscription-Key: ${SUBSCRIPTION_KEY}`,
        'Content-Type: application/json',
        `Content-Length: ${HUGE}`,
      ]),
    );
    const response = await connection.response();
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toEqual({
      statusCode: 413,
      message: 'Request entity too large',
    });
    await connection.closed;
    expect(gw.backend.requests).toHaveLength(0);
  });

  it('no subscription key → APIM 401 before the body is sent (the key is checked from the head)', async () => {
    const gw = await gatewayWith({ server: { maxBodyBytes: 2 * HUGE } });
    const connection = await rawConnection(gw.gateway.url);
    connection.send(head(['POST /api/catalog HTTP/1.1', 'Host: gw', `Content-Length: ${HUGE}`]));
    const response = await connection.response();
    expect([response.status, JSON.parse(response.body)]).toEqual([
      401,
      { statusCode: 401, message: MISSING_KEY },
    ]);
    await connection.closed;
  });

  it('a client still sending a 256 KiB body reads the early 401 (the rest is discarded, not reset)', async () => {
    const gw = await gatewayWith();
    for (let i = 0; i < 5; i++) {
      const response = await gw.call('/api/catalog', {
        method: 'POST',
        key: null,
        body: 'x'.repeat(256 * 1024),
      });
      expect([response.status, (await response.json()) as unknown]).toEqual([
        401,
        { statusCode: 401, message: MISSING_KEY },
      ]);
    }
  });

  it('an unknown operation → APIM 404 before the body is sent', async () => {
    const gw = await gatewayWith();
    const connection = await rawConnection(gw.gateway.url);
    connection.send(
      head([
        'PUT /api/nothing HTTP/1.1',
        'Host: gw',
        `Ocp-Apim-Subscription-Key: ${SUBSCRIPTION_KEY}`,
        'Content-Length: 1000000',
      ]),
    );
    const response = await connection.response();
    expect([response.status, JSON.parse(response.body)]).toEqual([
      404,
      { statusCode: 404, message: 'Resource not found' },
    ]);
  });

  it('a chunked body gets 413 as soon as it passes the limit, without waiting for its end', async () => {
    const gw = await gatewayWith({ server: { maxBodyBytes: 1024 } });
    const connection = await rawConnection(gw.gateway.url);
    connection.send(
      head([
        'POST /api/catalog HTTP/1.1',
        'Host: gw',
        `Ocp-Apim-Subscription-Key: ${SUBSCRIPTION_KEY}`,
        'Transfer-Encoding: chunked',
      ]),
    );
    connection.send(`800\r\n${'a'.repeat(0x800)}\r\n`);
    const response = await connection.response();
    expect([response.status, JSON.parse(response.body)]).toEqual([
      413,
      { statusCode: 413, message: 'Request entity too large' },
    ]);
    expect(gw.backend.requests).toHaveLength(0);
  });

  it('Expect: 100-continue gets 401 instead of 100 when the key is missing, 100 then 201 when it is valid', async () => {
    const gw = await gatewayWith();
    gw.backend.respondWith((request, res) => {
      res.writeHead(201, { 'Content-Type': 'text/plain' });
      res.end(request.body);
    });
    const rejected = await rawConnection(gw.gateway.url);
    rejected.send(
      head(['POST /api/catalog HTTP/1.1', 'Host: gw', 'Expect: 100-continue', 'Content-Length: 5']),
    );
    const denied = await rejected.response();
    expect([denied.status, denied.interim]).toEqual([401, []]);

    const accepted = await rawConnection(gw.gateway.url);
    accepted.send(
      head([
        'POST /api/catalog HTTP/1.1',
        'Host: gw',
        `Ocp-Apim-Subscription-Key: ${SUBSCRIPTION_KEY}`,
        'Expect: 100-continue',
        'Content-Length: 5',
      ]),
    );
    const waitingForContinue = accepted.response();
    await new Promise<void>((resolve) => {
      const onData = (chunk: Buffer): void => {
        if (!chunk.toString('latin1').startsWith('HTTP/1.1 100')) return;
        accepted.socket.off('data', onData);
        resolve();
      };
      accepted.socket.on('data', onData);
    });
    accepted.send('hello');
    const created = await waitingForContinue;
    expect([created.interim, created.status, created.body]).toEqual([[100], 201, 'hello']);
  });

  it('a small body still reaches the backend over a kept-alive connection', async () => {
    const gw = await gatewayWith();
    const connection = await rawConnection(gw.gateway.url);
    for (const body of ['{"a":1}', '{"b":2}']) {
      connection.send(
        head([
          'POST /api/catalog HTTP/1.1',
          'Host: gw',
          `Ocp-Apim-Subscription-Key: ${SUBSCRIPTION_KEY}`,
          `Content-Length: ${body.length}`,
        ]) + body,
      );
      const response = await connection.response();
      expect(response.status).toBe(200);
      expect(response.headers['connection']).not.toBe('close');
      expect(JSON.parse(response.body)).toMatchObject({ body });
    }
  });
});
