import { connect } from 'node:net';

import { startHostServer } from '@cookbook/functions-host';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { devKeys } from './testing/dev-keys.js';
import { useAuthHost } from './testing/use-auth-host.js';

const auth = useAuthHost();
let server: Awaited<ReturnType<typeof startHostServer>> | undefined;
beforeAll(async () => {
  server = await startHostServer(auth.host, { port: 0, hostname: '127.0.0.1' });
});
afterAll(() => server?.close());

/** One raw HTTP/1.1 GET with the given header lines; fetch would join repeated headers into one. */
function rawStatus(path: string, headerLines: readonly string[]): Promise<number> {
  const { port } = server ?? { port: 0 };
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)));
    socket.on('error', reject);
    socket.write(
      [`GET ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close', ...headerLines, '', ''].join(
        '\r\n',
      ),
    );
  });
}

describe('repeated x-functions-key headers over a socket (AuthenticationLevelHandler reads the first)', () => {
  const good = devKeys.functions.protected.default;

  it('the first header counts when it is the right key', async () => {
    const status = await rawStatus('/api/protected', [
      `x-functions-key: ${good}`,
      'x-functions-key: wrong',
    ]);
    expect(status).toBe(200);
  });

  it('a wrong first header is 401 even when the second is right', async () => {
    const status = await rawStatus('/api/protected', [
      'x-functions-key: wrong',
      `x-functions-key: ${good}`,
    ]);
    expect(status).toBe(401);
  });
});
