import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startRecordingBackend } from '../src/testing.js';
import { rawConnection } from '../test-fixtures/raw-http.js';
import { policy } from '../test-fixtures/test-gateway.js';
import { type ChildGateway, KEY, startChildGateway } from './child-gateway.js';
import { send } from './load.js';

const FROM_QUERY = '@(context.Request.OriginalUrl.Query.GetValueOrDefault("q", ""))';
const FROM_HEADER = '@(context.Request.Headers.GetValueOrDefault("x-in", ""))';

// Every place a client-controlled value can reach a header name, header value or status line.
const ECHO_POLICY = policy({
  inbound: `<base />
    <set-header name="x-to-backend" exists-action="override"><value>${FROM_HEADER}</value></set-header>
    <choose>
      <when condition='@(context.Request.OriginalUrl.Query.GetValueOrDefault("mode", "") == "reason")'>
        <return-response><set-status code="200" reason='${FROM_QUERY}' /></return-response>
      </when>
      <when condition='@(context.Request.OriginalUrl.Query.GetValueOrDefault("mode", "") == "name")'>
        <return-response><set-header name='${FROM_QUERY}' exists-action="override"><value>v</value></set-header></return-response>
      </when>
    </choose>`,
  outbound: `<base /><set-header name="x-echo" exists-action="override"><value>${FROM_QUERY}</value></set-header>`,
  onError: `<base /><set-header name="x-error" exists-action="override"><value>${FROM_QUERY}</value></set-header>`,
});

const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 16 }),
  fc.constantFrom('\r\n', '\n', '\0', 'é', '日本', '😀', '\u007f', 'a: b', ' '),
);

/** Raw request heads a fuzzer (or a broken client) sends: bad targets, bad bytes, odd methods. */
const rawHead = fc.oneof(
  fc.constantFrom(
    'GET //x:abc HTTP/1.1',
    'GET http://[::1 HTTP/1.1',
    'GET /api/%zz%ff HTTP/1.1',
    'CONNECT 127.0.0.1:1 HTTP/1.1',
    'GET /api/health HTTP/9.9',
    'GET * HTTP/1.1',
    '\u0000\u0001\u0002',
  ),
  fc
    .tuple(
      fc.constantFrom('GET', 'POST', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'BREW'),
      fc.string({ unit: 'binary-ascii', maxLength: 40 }),
    )
    .map(([method, path]) => `${method} /api/${path} HTTP/1.1`),
);

describe('crash fuzzing against the gateway process', () => {
  let gateway: ChildGateway;
  let closeBackend: () => Promise<void>;
  beforeAll(async () => {
    const backend = await startRecordingBackend();
    closeBackend = () => backend.close();
    gateway = await startChildGateway({ backendUrl: `${backend.url}/api`, apiPolicy: ECHO_POLICY });
  });
  afterAll(async () => {
    await gateway.stop();
    await closeBackend();
  });

  it('random values through every header-writing policy: a 200 or APIM’s 500, and the process never exits', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostile,
        hostile,
        fc.constantFrom('', 'reason', 'name'),
        async (query, header, mode) => {
          const reply = await send(
            gateway.port,
            `/api/health?mode=${mode}&q=${encodeURIComponent(query)}`,
            {
              headers: {
                'Ocp-Apim-Subscription-Key': KEY,
                // what Node lets a client send: Latin-1 without CR/LF
                'x-in': header.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?'),
              },
            },
          );
          expect([200, 500]).toContain(reply.status);
          if (reply.status === 500) {
            expect(JSON.parse(reply.body)).toMatchObject({
              statusCode: 500,
              message: 'Internal server error',
            });
          }
        },
      ),
      { numRuns: 400 },
    );
    expect(gateway.child.exitCode).toBeNull();
  });

  it('malformed request heads get an answer or a closed connection, and the process never exits', async () => {
    await fc.assert(
      fc.asyncProperty(rawHead, async (line) => {
        const connection = await rawConnection(gateway.url);
        connection.send(
          Buffer.from(
            `${line}\r\nHost: gw\r\nOcp-Apim-Subscription-Key: ${KEY}\r\nConnection: close\r\n\r\n`,
            'latin1',
          ),
        );
        const outcome = await Promise.race([
          connection.response().then((r) => r.status),
          connection.closed.then(() => 0),
        ]);
        connection.socket.destroy();
        expect(outcome === 0 || (outcome >= 200 && outcome < 600)).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(gateway.child.exitCode).toBeNull();
    const health = await send(gateway.port, '/api/health?q=ok', {
      headers: { 'Ocp-Apim-Subscription-Key': KEY },
    });
    expect([health.status, health.headers['x-echo']]).toEqual([200, 'ok']);
    expect(gateway.output()).not.toMatch(/unexpected error|unhandled/i);
  });
});
