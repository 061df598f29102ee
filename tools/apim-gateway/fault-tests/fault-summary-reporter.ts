import type { Reporter, TestModule } from 'vitest/node';

import type { RssMeta } from './rss-meta.js';

const MiB = 1024 * 1024;

/** Prints the README's fault-test table: one row per suite, with the gateway's RSS around its load. */
export class FaultSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const rows = testModules.map((module) => {
      const tests = [...module.children.allTests()];
      const passed = tests.filter((test) => test.result().state === 'passed').length;
      const rss = tests.map((test) => test.meta() as RssMeta).find((meta) => meta.rssBefore);
      const suite = [...module.children.allSuites()][0]?.name ?? module.moduleId;
      const mib = (bytes: number | undefined): string =>
        bytes === undefined ? '—' : `${(bytes / MiB).toFixed(0)} MiB`;
      return `| ${suite} | ${tests.length} | ${passed} | ${mib(rss?.rssBefore)} | ${mib(rss?.rssAfter)} |`;
    });
    process.stdout.write(
      [
        '',
        'Fault-test summary (gateway process RSS after a full GC, before and after the suite’s load):',
        '',
        '| case | tests | passed | gateway RSS before | gateway RSS after |',
        '| ---- | ----- | ------ | ------------------ | ----------------- |',
        ...rows,
        '',
      ].join('\n'),
    );
  }
}
