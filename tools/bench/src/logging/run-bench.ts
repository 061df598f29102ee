import { measureRedaction } from './redaction.js';
import { telemetryColdStart } from './telemetry-cold-start.js';

// Knobs: BENCH_ROUNDS (redaction rounds), BENCH_OPS (lines per round), BENCH_COLD_RUNS (app runs).
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 15);
const LINES = Number(process.env['BENCH_OPS'] ?? 20_000);

console.log(`# @cookbook/logging benchmark (node ${process.versions.node})\n`);
console.log(`## One request line, JSON to a no-op destination (median of ${ROUNDS} rounds)\n`);
const redaction = measureRedaction(ROUNDS, LINES);
const baseline = [...redaction.values()][0] ?? Number.NaN;
console.log('| logger | ns/line | × plain pino |');
console.log('| --- | --- | --- |');
for (const [name, nanos] of redaction) {
  console.log(`| ${name} | ${nanos.toFixed(0)} | ${(nanos / baseline).toFixed(2)}× |`);
}

console.log('\n## Whole run of a bundled app: start telemetry, log one line, stop (offline)\n');
const cold = await telemetryColdStart();
console.log(
  `no connection string (@azure/monitor-opentelemetry never loaded): ${cold.off.toFixed(0)} ms`,
);
console.log(
  `connection string set (Azure Monitor loaded and started):       ${cold.on.toFixed(0)} ms`,
);
console.log(`telemetry off saves ${(cold.on - cold.off).toFixed(0)} ms of every cold start`);
