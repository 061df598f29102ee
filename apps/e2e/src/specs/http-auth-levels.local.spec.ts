import { connect } from 'node:net';

import { expect, test } from '../fixtures.js';
import { localHostUrl, localPorts, recipes } from '../support/local-recipes.js';

// No gateway in front: the spec talks to the recipe's local host, which enforces keys (metadata local.auth).
const base = localHostUrl('http-auth-levels');
const keys = recipes.find((recipe) => recipe.name === 'http-auth-levels')?.metadata.local.keys;
const master = keys?.master ?? '';
const hostKey = keys?.host?.['default'] ?? '';
const functionKey = keys?.functions?.['protected']?.['default'] ?? '';
const nextFunctionKey = keys?.functions?.['protected']?.['next'] ?? '';
const otherFunctionsKey = keys?.functions?.['public']?.['default'] ?? '';

test('the recipe declares its fixed dev keys', () => {
  for (const key of [master, hostKey, functionKey, nextFunctionKey, otherFunctionsKey])
    expect(key).toMatch(/^dev-.+-not-secret$/);
});

const BODIES = {
  public: 'This endpoint is public (anonymous).',
  protected: 'This endpoint requires a function key.',
  'admin-only': 'This endpoint requires the admin/master key.',
} as const;

type Path = keyof typeof BODIES;
const matrix: {
  caller: string;
  headers?: () => Record<string, string>;
  query?: () => string;
  expected: Record<Path, number>;
}[] = [
  { caller: 'no key', expected: { public: 200, protected: 401, 'admin-only': 401 } },
  {
    caller: 'function key in x-functions-key',
    headers: () => ({ 'x-functions-key': functionKey }),
    expected: { public: 200, protected: 200, 'admin-only': 401 },
  },
  {
    caller: 'function key in ?code=',
    query: () => `?code=${functionKey}`,
    expected: { public: 200, protected: 200, 'admin-only': 401 },
  },
  {
    caller: 'second function key (rotation)',
    headers: () => ({ 'x-functions-key': nextFunctionKey }),
    expected: { public: 200, protected: 200, 'admin-only': 401 },
  },
  {
    caller: 'host key',
    headers: () => ({ 'x-functions-key': hostKey }),
    expected: { public: 200, protected: 200, 'admin-only': 401 },
  },
  {
    caller: 'master key',
    headers: () => ({ 'x-functions-key': master }),
    expected: { public: 200, protected: 200, 'admin-only': 200 },
  },
  {
    caller: 'master key in ?code=',
    query: () => `?code=${master}`,
    expected: { public: 200, protected: 200, 'admin-only': 200 },
  },
  {
    caller: "another function's key",
    headers: () => ({ 'x-functions-key': otherFunctionsKey }),
    expected: { public: 200, protected: 401, 'admin-only': 401 },
  },
];

for (const { caller, headers, query, expected } of matrix) {
  for (const path of Object.keys(BODIES) as Path[]) {
    test(`${caller} → GET /api/${path} is ${expected[path]}`, async ({ anonymous }) => {
      const response = await anonymous.get(`${base}/api/${path}${query?.() ?? ''}`, {
        headers: headers?.() ?? {},
      });
      expect(response.status()).toBe(expected[path]);
      // a refused call never reached the handler: 401 with an empty body, nothing to leak
      expect(await response.text()).toBe(expected[path] === 200 ? BODIES[path] : '');
    });
  }
}

test('the x-functions-key header wins over ?code=', async ({ anonymous }) => {
  const wrongHeader = await anonymous.get(`${base}/api/protected?code=${functionKey}`, {
    headers: { 'x-functions-key': 'wrong' },
  });
  const rightHeader = await anonymous.get(`${base}/api/protected?code=wrong`, {
    headers: { 'x-functions-key': functionKey },
  });
  expect([wrongHeader.status(), rightHeader.status()]).toEqual([401, 200]);
});

test('the first of repeated ?code= values counts', async ({ anonymous }) => {
  const first = await anonymous.get(`${base}/api/protected?code=${functionKey}&code=wrong`);
  const second = await anonymous.get(`${base}/api/protected?code=wrong&code=${functionKey}`);
  expect([first.status(), second.status()]).toEqual([200, 401]);
});

test('an unknown route is 404 before any key is checked', async ({ anonymous }) => {
  expect((await anonymous.get(`${base}/api/nothing-here`)).status()).toBe(404);
});

/** A raw HTTP/1.1 GET, for header shapes HTTP clients normalise away (empty, repeated). */
function rawStatus(path: string, headerLines: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(localPorts('http-auth-levels').host, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)));
    socket.on('error', reject);
    const head = [`GET ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close', ...headerLines];
    socket.write(`${head.join('\r\n')}\r\n\r\n`);
  });
}

test('an empty x-functions-key header counts as no key and does not fall back to ?code=', async () => {
  expect(await rawStatus(`/api/protected?code=${functionKey}`, ['x-functions-key: '])).toBe(401);
});

test('of repeated x-functions-key headers the first one counts', async () => {
  const firstRight = await rawStatus('/api/protected', [
    `x-functions-key: ${functionKey}`,
    'x-functions-key: wrong',
  ]);
  const firstWrong = await rawStatus('/api/protected', [
    'x-functions-key: wrong',
    `x-functions-key: ${functionKey}`,
  ]);
  expect([firstRight, firstWrong]).toEqual([200, 401]);
});
