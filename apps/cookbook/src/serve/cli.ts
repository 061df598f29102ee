import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

import { createSiteServer } from './static-site-server.js';

// Usage: tsx src/serve/cli.ts <site-dir> [--port N]; binds loopback only.
const args = process.argv.slice(2);
const siteDir = resolve(args.find((arg) => !arg.startsWith('--')) ?? 'dist/site');
const portFlag = args.indexOf('--port');
const port = Number(portFlag === -1 ? (process.env['PORT'] ?? 4173) : args[portFlag + 1]);
const base = process.env['COOKBOOK_BASE'] ?? '/';

if (!existsSync(resolve(siteDir, 'index.html'))) {
  process.stderr.write(`${siteDir} holds no built site: run npx nx build cookbook first\n`);
  process.exit(1);
}
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  process.stderr.write(
    `--port must be a port number, got ${args[portFlag + 1] ?? process.env['PORT']}\n`,
  );
  process.exit(2);
}
const server = createSiteServer(siteDir, base);
server.on('error', (error) => {
  process.stderr.write(`cannot serve the site on 127.0.0.1:${port}: ${error.message}\n`);
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`Cookbook site: http://127.0.0.1:${port}${base}\n`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => server.close(() => process.exit(0)));
