import type { CliArgs } from './parse-cli-args.js';
import { suggestFreePort } from './port-check.js';
import { rerunCommand } from './rerun-command.js';

/** Thrown when the port is taken; the CLI prints the message and exits with EXIT_PORT_IN_USE. */
export class PortInUseError extends Error {}

/** "Port 7071 is in use ..." with a command, and the folder to run it from, that picks a free port. */
export async function portInUseError(args: CliArgs): Promise<PortInUseError> {
  const free = await suggestFreePort(args.port, args.hostname);
  const fix = rerunCommand(args, { port: free ?? 0 });
  return new PortInUseError(
    `Port ${args.port} is in use on ${args.hostname} (another host or "func start"?). Stop that process, or use another port with --port N${
      free === undefined ? ' (0 = any free port)' : ` (${free} is free)`
    }. From ${fix.folder}:\n  ${fix.command}`,
  );
}
