import { resolve } from 'node:path';

import { compareExpectedOutput, writeExpectedOutput } from './expected-output.js';

// nx run <recipe>:capture-output rewrites the page; --check only reports differences.
const args = process.argv.slice(2);
const recipeDir = resolve(args.find((arg) => !arg.startsWith('--')) ?? '.');
if (args.includes('--check')) {
  const { mismatches, exchanges } = await compareExpectedOutput(recipeDir);
  for (const mismatch of mismatches) {
    process.stderr.write(
      `README.md:${mismatch.line} $ ${mismatch.command}\n--- page\n${mismatch.page.join('\n')}\n+++ fresh\n${mismatch.fresh.join('\n')}\n\n`,
    );
  }
  process.stdout.write(`${exchanges} exchanges, ${mismatches.length} differ from a fresh run\n`);
  process.exitCode = mismatches.length > 0 ? 1 : 0;
} else {
  const changed = await writeExpectedOutput(recipeDir);
  process.stdout.write(`README.md: ${changed} command outputs updated from a fresh run\n`);
}
