import { coreApi, createLocalHost } from '@cookbook/functions-host';

// One process per measurement: CPU per host log line, through the public path a worker log takes
// (`@azure/functions-core` log → the host's sink), with the host's default console sink.
const [appDir = '', level = 'information', linesText = '200000'] = process.argv.slice(2);
const LINES = Number(linesText);
// Lines per event-loop turn: two per request, about 20 requests per turn under load.
const PER_TURN = 40;
const ID = '3f2a7c1e-8d4b-4f6a-9c2e-1b5d7e9f0a3c';
const MESSAGE = `Executing 'Functions.hello' (Reason='This function was programmatically called via the host APIs.', Id=${ID})`;

const host = await createLocalHost(appDir, { logLevel: level as 'information' | 'none' });
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const cpu = (): number => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

/** CPU µs of `lines` log calls in turns of PER_TURN, and of the calls alone. */
async function measure(lines: number, log: boolean): Promise<{ total: number; calls: number }> {
  let calls = 0;
  const started = cpu();
  for (let done = 0; done < lines; done += PER_TURN) {
    const before = cpu();
    if (log)
      for (let index = 0; index < PER_TURN; index += 1)
        coreApi.log('information', 'system', MESSAGE);
    calls += cpu() - before;
    await nextTurn();
  }
  // Let the last batch be written (the sink waits up to 10 ms).
  await new Promise((resolve) => setTimeout(resolve, 30));
  return { total: cpu() - started, calls };
}

await measure(LINES / 10, true);
// The same turns without log calls: what the loop itself costs.
const loop = await measure(LINES, false);
const logged = await measure(LINES, true);
await host.close();
process.send?.({
  allIn: (logged.total - loop.total) / LINES,
  onCall: logged.calls / LINES,
});
