import { Agent, request } from 'node:http';
import { createServer, type Server } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { backendRequestHeaders } from './backend-request-headers.js';
import { HeaderBag } from './header-bag.js';

// A raw TCP server: records each request head byte for byte, answers an empty 200.
let server: Server;
let port = 0;
const heads: string[] = [];

beforeAll(async () => {
  server = createServer((socket) => {
    let received = '';
    let answered = false;
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      if (end < 0 || answered) return;
      answered = true;
      heads.push(received.slice(0, end));
      socket.end('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});

afterAll(() => {
  server.close();
});

/** Sends one request (a fresh keep-alive agent: the server closes each connection) and returns its head. */
async function headOf(
  url: URL,
  method: string,
  headers: Record<string, string[]> | string[],
): Promise<string> {
  const before = heads.length;
  await new Promise<void>((resolve, reject) => {
    const agent = new Agent({ keepAlive: true, timeout: 5000 });
    const req = request(url, { method, headers, agent }, (res) => {
      res.resume();
      res.on('end', () => {
        agent.destroy();
        resolve();
      });
    });
    req.on('error', reject);
    req.end(method === 'POST' ? 'abc' : undefined);
  });
  return heads[before] ?? '';
}

/** The header object the gateway sent before: every bag entry, then the framing header. */
function objectForm(bag: HeaderBag, framing?: [string, string]): Record<string, string[]> {
  const record: Record<string, string[]> = {};
  for (const [name, values] of bag) record[name] = values;
  if (framing) record[framing[0]] = [framing[1]];
  return record;
}

describe('backendRequestHeaders', () => {
  const cases: Array<{
    name: string;
    method: string;
    headers: Record<string, string[]>;
    framing?: [string, string];
    raw: boolean;
  }> = [
    {
      name: 'a GET with the usual forwarded headers',
      method: 'GET',
      headers: {
        'x-correlation-id': ['abc'],
        Accept: ['application/json'],
        'x-functions-key': ['key'],
        'X-Forwarded-For': ['10.0.0.1, 127.0.0.1'],
      },
      raw: true,
    },
    {
      name: 'a POST with several values of one header and a Content-Length',
      method: 'POST',
      headers: { 'x-multi': ['1', '2'], 'Content-Type': ['text/plain'] },
      framing: ['Content-Length', '3'],
      raw: true,
    },
    {
      name: 'two Cookie values (joined in the object form)',
      method: 'GET',
      headers: { Cookie: ['a=1', 'b=2'] },
      raw: false,
    },
    {
      name: 'a Host header set by a policy or credentials',
      method: 'GET',
      headers: { Host: ['backend.example'], 'x-a': ['1'] },
      raw: false,
    },
  ];

  for (const testCase of cases) {
    it(`writes the same head as the header object: ${testCase.name}`, async () => {
      const url = new URL(`http://127.0.0.1:${port}/api/catalog/42?x=1`);
      const bag = HeaderBag.from(testCase.headers);
      const headers = backendRequestHeaders(url, bag, testCase.framing);
      expect(Array.isArray(headers)).toBe(testCase.raw);
      if (testCase.name.startsWith('a Host')) {
        // node:http rejects an array Host value in the object form; only the form is checked here
        return;
      }
      const before = await headOf(url, testCase.method, objectForm(bag, testCase.framing));
      const now = await headOf(url, testCase.method, headers);
      expect(now).toBe(before);
      expect(now).toContain(`Host: 127.0.0.1:${port}`);
    });
  }

  it('keeps the object form when the URL carries credentials', () => {
    const url = new URL(`http://user:pass@127.0.0.1:${port}/`);
    expect(Array.isArray(backendRequestHeaders(url, new HeaderBag(), undefined))).toBe(false);
  });

  it('puts a non-default port and IPv6 brackets in Host, as node:http does', () => {
    const raw = backendRequestHeaders(new URL('http://[::1]:8080/x'), new HeaderBag(), undefined);
    expect(raw).toEqual(['Host', '[::1]:8080']);
    const plain = backendRequestHeaders(
      new URL('https://example.com/x'),
      new HeaderBag(),
      undefined,
    );
    expect(plain).toEqual(['Host', 'example.com']);
  });
});
