import { startGateway } from '../gateway/start-gateway.js';
import { banner } from './banner.js';
import {
  backendOption,
  DEFAULT_GATEWAY_PORT,
  mebibytesOption,
  parseOptions,
  portOption,
  secondsOption,
} from './cli-options.js';
import { consoleLog } from './console-log.js';
import { untilSignal } from './until-signal.js';
import { UsageError } from './usage-error.js';

/** `start`: the gateway alone, in front of backends that are already running. */
export async function startCommand(args: string[], cliFile: string): Promise<number> {
  const values = parseOptions(args, {
    config: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    backend: { type: 'string', multiple: true },
    'service-url': { type: 'string' },
    'drain-timeout': { type: 'string' },
    'max-request-body': { type: 'string' },
  });
  if (!values.config) throw new UsageError('start needs --config <path to local-gateway.json>');
  const port = portOption(
    'port',
    values.port,
    'APIM_GATEWAY_PORT',
    process.env,
    DEFAULT_GATEWAY_PORT,
  );
  const serviceUrl = values['service-url'];
  const gateway = await startGateway({
    configPath: values.config,
    port,
    host: values.host ?? '127.0.0.1',
    log: consoleLog,
    drainTimeoutMs: secondsOption('drain-timeout', values['drain-timeout'], 10),
    maxBodyBytes: mebibytesOption('max-request-body', values['max-request-body'], 10),
    overrides: {
      backends: backendOption(values.backend ?? []),
      ...(serviceUrl === undefined ? {} : { serviceUrl }),
    },
  });
  process.stdout.write(
    `${banner({ gateway, configPath: values.config, cliFile, cwd: process.cwd() })}\n`,
  );
  await untilSignal();
  await gateway.close();
  return 0;
}
