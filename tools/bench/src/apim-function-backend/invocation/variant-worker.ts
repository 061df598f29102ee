import { BENCH_ENV } from '../bench-settings.js';
import { createLocalHost, type LocalHost } from '../local-host.js';
import { forwardedGet, readAnswer } from './host-request.js';
import type { VariantCommand, VariantReply, WorkerTarget } from './variant-protocol.js';

// Variants get their own process: AsyncLocalStorage hooks, once enabled, tax every promise in it.
const target = JSON.parse(process.argv[2] ?? '{}') as WorkerTarget;
const send = (reply: VariantReply): void => {
  process.send?.(reply);
};

const env = { ...BENCH_ENV, ...target.env };
// Variants of the same app share its host (one bundle instance), like routes of one app.
const hostsByDir = new Map<string, LocalHost>();
const hosts: LocalHost[] = [];
for (const variant of target.variants) {
  let host = hostsByDir.get(variant.appDir);
  if (!host) {
    host = await createLocalHost(variant.appDir, { log: () => undefined, env });
    hostsByDir.set(variant.appDir, host);
  }
  hosts.push(host);
}
if (process.env['APPLICATIONINSIGHTS_CONNECTION_STRING']) {
  throw new Error('APPLICATIONINSIGHTS_CONNECTION_STRING is set (env or local.settings.json).');
}
if (target.primePath) await hosts[0]?.handle(forwardedGet(target.primePath));

function hostOf(index: number): { host: LocalHost; path: string } {
  const host = hosts[index];
  const variant = target.variants[index];
  if (!host || !variant) throw new Error(`no variant ${index}`);
  return { host, path: variant.path };
}

// CPU time (all threads, GC included), not wall time: on a shared box other processes' load
// stretches wall time, while the work this process does per call stays the same.
async function batch(index: number, count: number): Promise<number> {
  const { host, path } = hostOf(index);
  const started = process.cpuUsage();
  for (let call = 0; call < count; call += 1) await host.handle(forwardedGet(path));
  const used = process.cpuUsage(started);
  return (used.user + used.system) / count;
}

async function run(command: VariantCommand): Promise<VariantReply> {
  if (command.type === 'batch') {
    return { type: 'batch', microsPerCall: await batch(command.variant, command.count) };
  }
  const { host, path } = hostOf(command.variant);
  return { type: 'answer', ...readAnswer(await host.handle(forwardedGet(path))) };
}

process.on('message', (command: VariantCommand) => {
  run(command).then(send, (error: unknown) => send({ type: 'error', message: String(error) }));
});
process.on('disconnect', () => {
  void Promise.all([...hostsByDir.values()].map((host) => host.close())).finally(() =>
    process.exit(0),
  );
});
send({ type: 'ready' });
