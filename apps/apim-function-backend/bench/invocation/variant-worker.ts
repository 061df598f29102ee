import { BENCH_ENV } from '../bench-settings.js';
import { createLocalHost } from '../local-host.js';
import { forwardedGet, readAnswer } from './host-request.js';
import type { VariantCommand, VariantReply, VariantTarget } from './variant-protocol.js';

// One variant per process: AsyncLocalStorage hooks, once enabled, tax every promise in the process.
const target = JSON.parse(process.argv[2] ?? '{}') as VariantTarget;
const send = (reply: VariantReply): void => {
  process.send?.(reply);
};

const host = await createLocalHost(target.appDir, { log: () => undefined, env: BENCH_ENV });
if (process.env['APPLICATIONINSIGHTS_CONNECTION_STRING']) {
  throw new Error('APPLICATIONINSIGHTS_CONNECTION_STRING is set (env or local.settings.json).');
}
if (target.primePath) await host.handle(forwardedGet(target.primePath));

// CPU time (all threads, GC included), not wall time: on a shared box other processes' load
// stretches wall time, while the work this process does per call stays the same.
async function batch(count: number): Promise<number> {
  const started = process.cpuUsage();
  for (let index = 0; index < count; index += 1) await host.handle(forwardedGet(target.path));
  const used = process.cpuUsage(started);
  return (used.user + used.system) / count;
}

process.on('message', (command: VariantCommand) => {
  const reply =
    command.type === 'answer'
      ? host
          .handle(forwardedGet(target.path))
          .then((response): VariantReply => ({ type: 'answer', ...readAnswer(response) }))
      : batch(command.count).then(
          (microsPerCall): VariantReply => ({ type: 'batch', microsPerCall }),
        );
  reply.then(send, (error: unknown) => send({ type: 'error', message: String(error) }));
});
process.on('disconnect', () => {
  void host.close().finally(() => process.exit(0));
});
send({ type: 'ready' });
