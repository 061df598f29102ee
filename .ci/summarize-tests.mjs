// Sums every vitest and Playwright summary in the given logs into one closing line, and exits
// non-zero when any runner reported a failure: failed tests, test files that failed to load,
// unhandled errors, config start-up errors, flaky retries, interrupted or not-run tests.
import { readFileSync } from 'node:fs';

const strip = (text) => text.replace(/\x1b\[[0-9;]*m/g, '');

/** @returns {{ passed: number, failed: number, skipped: number, reasons: Map<string, number> }} */
export function summarize(texts) {
  const totals = { passed: 0, failed: 0, skipped: 0, reasons: new Map() };
  const fail = (reason, count) => {
    totals.failed += count;
    totals.reasons.set(reason, (totals.reasons.get(reason) ?? 0) + count);
  };
  for (const text of texts) {
    for (const line of strip(text).split('\n')) {
      const vitestTests = /^\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line);
      const vitestSuites = /Failed Suites (\d+)/.exec(line);
      const vitestErrors = /^\s*Errors\s+(\d+) errors?\s*$/.exec(line);
      const playwright =
        /^\s+(\d+) (passed|failed|skipped|flaky|interrupted|did not run)( \([\d.]+m?s\))?\s*$/.exec(
          line,
        );
      if (vitestTests) {
        for (const [, count, kind] of vitestTests[1].matchAll(
          /(\d+) (passed|failed|skipped|todo)/g,
        )) {
          if (kind === 'passed') totals.passed += Number(count);
          else if (kind === 'failed') fail('failed tests', Number(count));
          else totals.skipped += Number(count);
        }
      } else if (vitestSuites) {
        fail('test files that failed to load or set up', Number(vitestSuites[1]));
      } else if (vitestErrors) {
        fail('unhandled errors', Number(vitestErrors[1]));
      } else if (/Startup Error/.test(line)) {
        fail('vitest start-up errors', 1);
      } else if (playwright) {
        const count = Number(playwright[1]);
        if (playwright[2] === 'passed') totals.passed += count;
        else if (playwright[2] === 'skipped') totals.skipped += count;
        else fail(playwright[2] === 'failed' ? 'failed tests' : `${playwright[2]} tests`, count);
      }
    }
  }
  return totals;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const totals = summarize(process.argv.slice(2).map((file) => readFileSync(file, 'utf8')));
  if (totals.passed === 0 && totals.failed === 0) {
    console.error('No test results found in the logs: refusing to report success.');
    process.exit(1);
  }
  if (totals.reasons.size > 0) {
    const parts = [...totals.reasons].map(([reason, count]) => `${count} ${reason}`);
    console.log(`Failures counted: ${parts.join('; ')}`);
  }
  const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
  console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
  process.exit(totals.failed > 0 ? 1 : 0);
}
