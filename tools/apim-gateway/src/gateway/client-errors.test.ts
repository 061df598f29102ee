import { describe, expect, it } from 'vitest';

import { rawConnection } from '../../test-fixtures/raw-http.js';
import { policy, SUBSCRIPTION_KEY, useTestGateways } from '../../test-fixtures/test-gateway.js';

const gatewayWith = useTestGateways();

describe('requests the HTTP parser rejects get APIM’s {statusCode, message} JSON, not a bare status line', () => {
  it('an oversized request head → 431 with a JSON body, and the gateway keeps serving', async () => {
    const gw = await gatewayWith({ server: { maxHeaderBytes: 8 * 1024 } });
    const connection = await rawConnection(gw.gateway.url);
    connection.send(
      `GET /api/health HTTP/1.1\r\nHost: gw\r\nX-Big: ${'a'.repeat(16 * 1024)}\r\n\r\n`,
    );
    const response = await connection.response();
    expect(response.status).toBe(431);
    expect(response.headers['content-type']).toBe('application/json');
    expect(JSON.parse(response.body)).toEqual({
      statusCode: 431,
      message: 'Request Header Fields Too Large',
    });
    await connection.closed;
    expect((await gw.call('/api/health')).status).toBe(200);
  });

  it('accepts a 16 KiB request URL, the size APIM documents as its limit', async () => {
    // answered by the gateway itself: the recording backend has Node's smaller default limit
    const gw = await gatewayWith({
      apiPolicy: policy({
        inbound: '<base /><return-response><set-status code="200" reason="OK" /></return-response>',
      }),
    });
    const response = await gw.call(`/api/health?pad=${'p'.repeat(16 * 1024 - 40)}`);
    expect(response.status).toBe(200);
  });

  it('a malformed request line → 400 with a JSON body', async () => {
    const gw = await gatewayWith();
    const connection = await rawConnection(gw.gateway.url);
    connection.send('NOT AN HTTP REQUEST\r\n\r\n');
    const response = await connection.response();
    expect([response.status, JSON.parse(response.body)]).toEqual([
      400,
      { statusCode: 400, message: 'Bad Request' },
    ]);
  });

  it('a head that never finishes (slowloris) → 408 with a JSON body once headersTimeout passes', async () => {
    const gw = await gatewayWith({ server: { headersTimeoutMs: 500 } });
    const connection = await rawConnection(gw.gateway.url);
    connection.send(
      `GET /api/health HTTP/1.1\r\nHost: gw\r\nOcp-Apim-Subscription-Key: ${SUBSCRIPTION_KEY}\r\n`,
    );
    const response = await connection.response();
    expect([response.status, JSON.parse(response.body)]).toEqual([
      408,
      { statusCode: 408, message: 'Request Timeout' },
    ]);
    await connection.closed;
  });
});
