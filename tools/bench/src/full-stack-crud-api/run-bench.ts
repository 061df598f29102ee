// full-stack-crud-api: items/s for create and list-page under 50 concurrent clients (PGlite, and the
// PostgreSQL server in DATABASE_URL when set), and the latency of the deepest page from 1k to 100k rows,
// keyset beside OFFSET. A printed report, never a gate. Knobs: BENCH_SECONDS (10), BENCH_CONNECTIONS (50).
import { printTable, times } from '../apim-function-backend/print-table.js';
import { measurePaginationLatency, openBenchDatabase } from './pagination-latency.js';
import { startCrudStack } from './start-crud-stack.js';
import { measureThroughput, type Throughput } from './throughput.js';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 50);
const SIZES = [1_000, 10_000, 100_000];
const databaseUrl = process.env['DATABASE_URL']?.trim() || undefined;
const drivers: { name: string; url: string | undefined }[] = [
  { name: 'pglite', url: undefined },
  ...(databaseUrl ? [{ name: 'postgres', url: databaseUrl }] : []),
];

console.log(
  `full-stack-crud-api: ${CONNECTIONS} concurrent clients, ${SECONDS} s per run` +
    (databaseUrl ? '' : ' (set DATABASE_URL to add a PostgreSQL server)') +
    '\n',
);

const throughput: Throughput[] = [];
for (const driver of drivers) {
  const { url, child } = await startCrudStack(driver.url);
  try {
    throughput.push(...(await measureThroughput(driver.name, url, CONNECTIONS, SECONDS)));
  } finally {
    child.kill('SIGTERM');
  }
}
printTable(
  ['run', 'requests/s', 'items/s', 'p99 ms', 'non-2xx/errors'],
  throughput.map((row) => [
    row.name,
    row.requestsPerSecond.toFixed(0),
    row.itemsPerSecond.toFixed(0),
    String(row.p99),
    String(row.non2xx),
  ]),
);

for (const driver of drivers) {
  console.log(
    `\n${driver.name}: median time to read the last 20-item page (keyset: WHERE id > $1; offset: OFFSET n)`,
  );
  const database = await openBenchDatabase(driver.url);
  try {
    const rows = await measurePaginationLatency(database.query, SIZES);
    const first = rows[0];
    printTable(
      ['rows', 'keyset ms', 'offset ms', 'keyset vs 1k', 'offset vs 1k', 'offset / keyset'],
      rows.map((row) => [
        String(row.rows),
        row.keysetMs.toFixed(3),
        row.offsetMs.toFixed(3),
        first ? times(row.keysetMs / first.keysetMs) : '-',
        first ? times(row.offsetMs / first.offsetMs) : '-',
        times(row.offsetMs / row.keysetMs),
      ]),
    );
  } finally {
    await database.close();
  }
}
console.log('\nKeyset stays flat as the table grows; OFFSET reads and discards every earlier row.');
