import { parseArgs } from 'node:util';

/** The port `func start` uses unless told otherwise. */
export const DEFAULT_PORT = 7071;
/** Exit code when the port is taken, so `serve` (and scripts) can tell it from an app error. */
export const EXIT_PORT_IN_USE = 3;

export interface CliArgs {
  command: string | undefined;
  appDir: string | undefined;
  port: number;
  hostname: string;
  auth: boolean;
  func: boolean;
  external: string[];
  drainTimeoutMs: number;
  help: boolean;
}

/** A command line the CLI cannot run: printed with the usage text, exit code 1. */
export class UsageError extends Error {}

const SINGLE_VALUED = ['port', 'host', 'drain-timeout'];

/** Parses the CLI's arguments; defaults are defaults (7071), and each option may appear once. */
export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      tokens: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
        auth: { type: 'boolean', default: false },
        func: { type: 'boolean', default: false },
        external: { type: 'string', multiple: true, default: [] },
        'drain-timeout': { type: 'string', default: '30' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { positionals, values, tokens } = parsed;
  for (const name of SINGLE_VALUED) {
    const given = tokens.filter((token) => token.kind === 'option' && token.name === name);
    if (given.length > 1) {
      const shown = given
        .map((token) => (token.kind === 'option' ? token.value : ''))
        .join(' and ');
      throw new UsageError(`--${name} was given ${given.length} times (${shown}); pass it once.`);
    }
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!/^\d+$/.test(values.port ?? '0') || port > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, got "${values.port}".`);
  }
  const drain = Number(values['drain-timeout']);
  if (!Number.isFinite(drain) || drain < 0) {
    throw new UsageError(
      `--drain-timeout must be a number of seconds (0 or more), got "${values['drain-timeout']}".`,
    );
  }
  return {
    command: positionals[0],
    appDir: positionals[1],
    port,
    hostname: values.host,
    auth: values.auth,
    func: values.func,
    external: values.external,
    drainTimeoutMs: drain * 1000,
    help: values.help,
  };
}
