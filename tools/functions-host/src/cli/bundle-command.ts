import { relative } from 'node:path';

import { bundleApp } from '../bundle/bundle-app.js';

export async function bundleCommand(appDir: string, external: string[]): Promise<void> {
  const result = await bundleApp(appDir, { external });
  const size = (result.bytes / 1024).toFixed(1);
  process.stdout.write(
    `Bundled ${relative(process.cwd(), result.outfile) || result.outfile} (${size} KiB, ${result.durationMs} ms)\n`,
  );
}
