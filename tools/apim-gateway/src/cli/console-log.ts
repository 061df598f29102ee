import type { GatewayLog } from '../policies/gateway-services.js';

/** JSON lines: access log and info on stdout, warnings on stderr (JSON escapes keep each on one line). */
export const consoleLog: GatewayLog = {
  info: (message, fields) =>
    process.stdout.write(`${JSON.stringify({ level: 'info', message, ...fields })}\n`),
  warn: (message, fields) =>
    process.stderr.write(`${JSON.stringify({ level: 'warn', message, ...fields })}\n`),
};
