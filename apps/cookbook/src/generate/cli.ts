import { resolve } from 'node:path';

import { WORKSPACE_ROOT } from '@cookbook/recipes';

import { generateSite } from './generate-site.js';
import { repositoryFromEnv } from './repository.js';

// Usage: tsx --conditions=@cookbook/source src/generate/cli.ts <out-dir>
const [outDir] = process.argv.slice(2);
if (!outDir) {
  process.stderr.write('usage: tsx --conditions=@cookbook/source src/generate/cli.ts <out-dir>\n');
  process.exit(2);
}
try {
  const started = performance.now();
  const files = generateSite({
    root: WORKSPACE_ROOT,
    outDir: resolve(outDir),
    repository: repositoryFromEnv(),
  });
  process.stdout.write(
    `cookbook: wrote ${files.length} files to ${outDir} in ${Math.round(performance.now() - started)} ms\n`,
  );
} catch (error) {
  // A missing input or a broken README link is the author's to fix: say which, without a stack trace.
  process.stderr.write(`cookbook: cannot generate the site: ${(error as Error).message}\n`);
  process.exit(1);
}
