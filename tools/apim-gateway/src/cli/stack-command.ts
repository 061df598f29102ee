import { type ChildProcess, spawn } from 'node:child_process';

import { loopbackPortOverrides } from '../config/backend-overrides.js';
import { readGatewayConfig } from '../config/read-gateway-config.js';
import { startGateway } from '../gateway/start-gateway.js';
import { banner } from './banner.js';
import {
  DEFAULT_FUNCTIONS_PORT,
  DEFAULT_GATEWAY_PORT,
  mebibytesOption,
  parseOptions,
  portOption,
  secondsOption,
} from './cli-options.js';
import { consoleLog } from './console-log.js';
import { untilSignal } from './until-signal.js';
import { UsageError } from './usage-error.js';
import { waitForPort } from './wait-for-port.js';

/**
 * `stack`: the Functions host and the gateway in front of it, agreeing on the host's port: the
 * host command gets `--port <port>`, and every loopback backend of the config points at it.
 */
export async function stackCommand(args: string[], cliFile: string): Promise<number> {
  const values = parseOptions(args, {
    config: { type: 'string' },
    'host-command': { type: 'string' },
    port: { type: 'string' },
    'gateway-port': { type: 'string' },
    host: { type: 'string' },
    'drain-timeout': { type: 'string' },
    'max-request-body': { type: 'string' },
  });
  const hostCommand = values['host-command'];
  if (!values.config) throw new UsageError('stack needs --config <path to local-gateway.json>');
  if (!hostCommand) {
    throw new UsageError(
      'stack needs --host-command "<command that serves the app; --port <n> is appended>"',
    );
  }
  const hostPort = portOption(
    'port',
    values.port,
    'FUNCTIONS_PORT',
    process.env,
    DEFAULT_FUNCTIONS_PORT,
  );
  const gatewayPort = portOption(
    'gateway-port',
    values['gateway-port'],
    'APIM_GATEWAY_PORT',
    process.env,
    DEFAULT_GATEWAY_PORT,
  );
  if (hostPort === 0) throw new UsageError('stack needs a fixed --port for the Functions host');
  const interfaceName = values.host ?? '127.0.0.1';
  const loaded = await readGatewayConfig(values.config);
  // The gateway first: a busy gateway port fails before any host is started.
  const gateway = await startGateway({
    configPath: values.config,
    port: gatewayPort,
    host: interfaceName,
    log: consoleLog,
    drainTimeoutMs: secondsOption('drain-timeout', values['drain-timeout'], 10),
    maxBodyBytes: mebibytesOption('max-request-body', values['max-request-body'], 10),
    overrides: loopbackPortOverrides(loaded, hostPort),
  }).catch((error: unknown) => {
    if (error instanceof Error && error.name === 'PortInUseError') {
      error.message = error.message.replace(
        '--port <n> (or set APIM_GATEWAY_PORT)',
        '--gateway-port <n> (or set APIM_GATEWAY_PORT)',
      );
    }
    throw error;
  });
  const host = startHost(`${hostCommand} --port ${hostPort}`);
  let hostExit: number | undefined;
  const exited = new Promise<number>((resolve) =>
    host.once('exit', (code, signal) => {
      hostExit = code ?? (signal ? 0 : 1);
      resolve(hostExit);
    }),
  );
  process.stdout.write(
    `  Waiting for the Functions host on port ${hostPort}: ${hostCommand} --port ${hostPort}\n`,
  );
  const up = await waitForPort('127.0.0.1', hostPort, () => hostExit !== undefined);
  if (up) {
    process.stdout.write(
      `${banner({
        gateway,
        configPath: values.config,
        cliFile,
        cwd: process.cwd(),
        extra: [
          `Functions host:    http://127.0.0.1:${hostPort} (the gateway's loopback backends point here)`,
        ],
      })}\n`,
    );
  }
  const outcome = await Promise.race([exited.then(() => 'host-exited' as const), untilSignal()]);
  await gateway.close();
  if (outcome === 'host-exited') {
    process.stderr.write(
      `apim-gateway: the Functions host exited (code ${hostExit}); stopping the gateway\n`,
    );
    return hostExit === 0 ? 1 : (hostExit ?? 1);
  }
  stopHost(host);
  await exited;
  return 0;
}

/** The host runs in its own process group, so stopping it stops everything the command started. */
function startHost(command: string): ChildProcess {
  const child = spawn(command, { shell: true, stdio: 'inherit', detached: true });
  process.once('exit', () => stopHost(child));
  return child;
}

function stopHost(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}
