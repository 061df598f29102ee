import { mkdtemp, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { type CliRun, freePort, runCli } from '../../test-fixtures/cli-process.js';

// Stands in for `tsx tools/functions-host/src/cli.ts serve .`: serves on the --port it is given.
const FAKE_HOST = `
import { createServer } from 'node:http';
const port = Number(process.argv[process.argv.indexOf('--port') + 1]);
if (process.argv.includes('--crash')) process.exit(3);
const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ port, url: req.url }));
});
server.listen(port, '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

let dir: string;
const running: CliRun[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apim-gateway-stack-'));
  await writeFile(join(dir, 'fake-host.mjs'), FAKE_HOST);
  // The recipe's shape: the backend URL is the literal default port of the Functions host.
  await writeFile(
    join(dir, 'local-gateway.json'),
    JSON.stringify({
      api: {
        path: 'api',
        openapi: resolve(import.meta.dirname, '../../test-fixtures/catalog-openapi.json'),
        policies: { global: 'global.xml' },
      },
      subscriptions: [{ id: 'dev', key: 'stack-key' }],
      backends: [{ id: 'functions', url: 'http://127.0.0.1:7071/api' }],
    }),
  );
  await writeFile(
    join(dir, 'global.xml'),
    '<policies><inbound><set-backend-service backend-id="functions" /></inbound><backend><forward-request /></backend></policies>',
  );
});

afterEach(async () => {
  for (const cli of running.splice(0)) {
    cli.child.kill('SIGTERM');
    await cli.exited;
  }
});

function stack(args: string[], env: NodeJS.ProcessEnv = {}, extraHostArgs = ''): CliRun {
  const hostCommand = `"${process.execPath}" fake-host.mjs${extraHostArgs}`;
  const cli = runCli(
    ['stack', '--config', 'local-gateway.json', '--host-command', hostCommand, ...args],
    {
      cwd: dir,
      env: { XDG_CACHE_HOME: join(dir, 'cache'), ...env },
    },
  );
  running.push(cli);
  return cli;
}

function portIsOpen(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolvePort(true);
    });
    socket.once('error', () => resolvePort(false));
  });
}

async function callThroughGateway(gatewayPort: number): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${gatewayPort}/api/health`, {
    headers: { 'Ocp-Apim-Subscription-Key': 'stack-key' },
  });
  return response.json();
}

describe(
  'cli stack: the Functions host and the gateway agree on ports',
  { timeout: 60_000 },
  () => {
    it('--port moves the host and the gateway’s loopback backend together; --gateway-port moves the gateway; SIGTERM stops both', async () => {
      const [hostPort, gatewayPort] = [await freePort(), await freePort()];
      const cli = stack(['--port', String(hostPort), '--gateway-port', String(gatewayPort)]);
      const banner = await cli.waitFor('curl ');
      expect(banner).toContain(`listening on http://127.0.0.1:${gatewayPort}`);
      expect(banner).toContain(`Functions host:    http://127.0.0.1:${hostPort}`);
      expect(await callThroughGateway(gatewayPort)).toEqual({ port: hostPort, url: '/api/health' });
      cli.child.kill('SIGTERM');
      expect(await cli.exited).toBe(0);
      expect([await portIsOpen(hostPort), await portIsOpen(gatewayPort)]).toEqual([false, false]);
    });

    it('FUNCTIONS_PORT and APIM_GATEWAY_PORT do the same when no flag is given', async () => {
      const [hostPort, gatewayPort] = [await freePort(), await freePort()];
      const cli = stack([], {
        FUNCTIONS_PORT: String(hostPort),
        APIM_GATEWAY_PORT: String(gatewayPort),
      });
      await cli.waitFor('curl ');
      expect(await callThroughGateway(gatewayPort)).toEqual({ port: hostPort, url: '/api/health' });
    });

    it('a busy gateway port exits 1 naming --gateway-port, before any host is started', async () => {
      const blocker = createServer();
      await new Promise<void>((resolveListen) =>
        blocker.listen(0, '127.0.0.1', () => resolveListen()),
      );
      const { port: busy } = blocker.address() as { port: number };
      const hostPort = await freePort();
      const cli = stack(['--port', String(hostPort), '--gateway-port', String(busy)]);
      expect(await cli.exited).toBe(1);
      expect(cli.stderr()).toMatch(
        /already in use: .*--gateway-port <n> \(or set APIM_GATEWAY_PORT\)/,
      );
      expect(await portIsOpen(hostPort)).toBe(false);
      blocker.close();
    });

    it('when the host exits, the stack stops the gateway and exits non-zero with the host’s code', async () => {
      const [hostPort, gatewayPort] = [await freePort(), await freePort()];
      const cli = stack(
        ['--port', String(hostPort), '--gateway-port', String(gatewayPort)],
        {},
        ' --crash',
      );
      expect(await cli.exited).toBe(3);
      expect(cli.stderr()).toMatch(/the Functions host exited \(code 3\)/);
      expect(await portIsOpen(gatewayPort)).toBe(false);
    });
  },
);
