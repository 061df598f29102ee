// Sums vitest ("Tests  12 passed (12)") and Playwright ("  12 passed (3.1s)") summaries into one line.
import { readFileSync } from 'node:fs';

const strip = (text) => text.replace(/\x1b\[[0-9;]*m/g, '');
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  for (const line of strip(readFileSync(file, 'utf8')).split('\n')) {
    const vitest = /^\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line);
    const playwright = /^\s+(\d+) (passed|failed|skipped|flaky)( \([\d.]+m?s\))?\s*$/.exec(line);
    if (vitest) {
      for (const [, count, kind] of vitest[1].matchAll(/(\d+) (passed|failed|skipped|todo)/g)) {
        if (kind === 'passed') passed += Number(count);
        else if (kind === 'failed') failed += Number(count);
        else skipped += Number(count);
      }
    } else if (playwright) {
      const count = Number(playwright[1]);
      if (playwright[2] === 'passed') passed += count;
      else if (playwright[2] === 'skipped') skipped += count;
      else failed += count;
    }
  }
}
if (passed === 0) {
  console.error('No test results found in the logs: refusing to report success.');
  process.exit(1);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
