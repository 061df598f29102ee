import { type ChildProcess, fork } from 'node:child_process';

import { writeStreamsApp } from './streams-app.js';
import { download, upload } from './transfer.js';

// How much to stream each way (default 2 GiB, like the largest body of Microsoft's Node e2e suite).
const BYTES = Number(process.env['BENCH_BYTES'] ?? 2 * 1024 ** 3);
const GOAL_MIB = 64;
const MIB = 1024 * 1024;

interface Mark {
  rss: number;
  heapUsed: number;
  peak: number;
}

const here = (path: string): string => new URL(path, import.meta.url).pathname;

function ask<T>(child: ChildProcess, message: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (reply) => resolve(reply as T));
    child.send(message);
  });
}

const app = await writeStreamsApp();
const child = fork(here('./host-process.ts'), [app.dir], {
  execArgv: ['--conditions=@cookbook/source', '--import', 'tsx', '--expose-gc'],
  stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
});
try {
  const { port, streams } = await new Promise<{ port: number; streams: boolean }>((resolve) =>
    child.once('message', (message) => resolve(message as { port: number; streams: boolean })),
  );
  if (!streams) throw new Error('The bench app did not start in HTTP streams mode.');

  const rows: string[][] = [];
  let overallPeak = 0;
  const measure = async (
    label: string,
    bytes: number,
    run: () => Promise<void>,
  ): Promise<number> => {
    const before = await ask<Mark>(child, 'mark');
    const started = performance.now();
    await run();
    const seconds = (performance.now() - started) / 1000;
    const after = await ask<Mark>(child, 'mark');
    const growth = after.peak - before.rss;
    overallPeak = Math.max(overallPeak, after.peak);
    rows.push([
      label,
      `${(bytes / MIB).toFixed(0)} MiB`,
      `${(bytes / MIB / seconds).toFixed(0)}`,
      `${(before.rss / MIB).toFixed(0)} MiB`,
      `${(after.peak / MIB).toFixed(0)} MiB`,
      `${(growth / MIB).toFixed(1)} MiB`,
      `${(after.rss / MIB).toFixed(0)} MiB`,
    ]);
    return growth;
  };
  const check = (label: string, ok: boolean): void => {
    if (!ok) throw new Error(`${label}: the transfer did not arrive whole.`);
  };

  // Warm-up (JIT, sockets), then the noise floor: the same small transfers measured again.
  const small = 8 * MIB;
  check('warm-up', (await upload(port, small)) === `200 ${small}`);
  check('warm-up', (await download(port, small)) === small);
  await measure('8 MiB up + 8 MiB down (A/A noise floor)', 2 * small, async () => {
    check('small up', (await upload(port, small)) === `200 ${small}`);
    check('small down', (await download(port, small)) === small);
  });
  const start = await ask<Mark>(child, 'mark');
  overallPeak = start.rss;
  const up = await measure('up: POST to a streaming sink', BYTES, async () => {
    check('up', (await upload(port, BYTES)) === `200 ${BYTES}`);
  });
  const down = await measure('down: GET from a streaming source', BYTES, async () => {
    check('down', (await download(port, BYTES)) === BYTES);
  });
  const end = await ask<Mark>(child, 'mark');
  overallPeak = Math.max(overallPeak, end.peak);

  const header = [
    'transfer',
    'bytes',
    'MiB/s',
    'host RSS before',
    'host RSS peak',
    'peak growth',
    'RSS after GC',
  ];
  console.log(
    `HTTP streams mode through the local host (one process: host + worker library), loopback, ${(BYTES / MIB).toFixed(0)} MiB each way; RSS sampled every 20 ms.\n`,
  );
  console.log(`| ${header.join(' | ')} |`);
  console.log(`| ${header.map(() => '---').join(' | ')} |`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  const worst = Math.max(up, down);
  console.log(
    `\nBoth big transfers together: host RSS ${(start.rss / MIB).toFixed(0)} MiB before, peak ${(overallPeak / MIB).toFixed(0)} MiB (+${((overallPeak - start.rss) / MIB).toFixed(1)} MiB), ${(end.rss / MIB).toFixed(0)} MiB after GC.`,
  );
  console.log(
    `\nVERDICT: host RSS growth while streaming ${(BYTES / MIB).toFixed(0)} MiB up and down < ${GOAL_MIB} MiB: worst ${(worst / MIB).toFixed(1)} MiB -> ${worst < GOAL_MIB * MIB ? 'MET' : 'MISSED'}`,
  );
} finally {
  child.send('exit');
  await new Promise((resolve) => child.once('exit', resolve));
  await app.remove();
}
