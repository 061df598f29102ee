import { BENCH_ENV } from '../bench-settings.js';
import { createLocalHost, type HostLogSink, type LocalHost } from '../local-host.js';
import { forwardedGet, readAnswer } from './host-request.js';
import type { VariantCommand, VariantReply, WorkerTarget } from './variant-protocol.js';

// Variants get their own process: AsyncLocalStorage hooks, once enabled, tax every promise in it.
const target = JSON.parse(process.argv[2] ?? '{}') as WorkerTarget;
const send = (reply: VariantReply): void => {
  process.send?.(reply);
};

const env = { ...BENCH_ENV, ...target.env };
// Drops host lines. Like the host's default console sink (and the Functions host on Azure, in its
// own process), it would redact a line when printing it, so no redaction runs on the request path.
const discardLogs: HostLogSink = Object.assign(() => undefined, { sanitizesLater: true as const });
// Variants of the same app share its host (one bundle instance), like routes of one app.
const hostsByDir = new Map<string, LocalHost>();
const hosts: LocalHost[] = [];
for (const variant of target.variants) {
  let host = hostsByDir.get(variant.appDir);
  if (!host) {
    host = await createLocalHost(variant.appDir, { log: discardLogs, env });
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
// Every batch first re-warms the process unmeasured: a process idle while the others ran its
// slice would otherwise pay for cold caches that a neighbour's slice in a busy process does not.
async function batch(index: number, count: number): Promise<number> {
  const { host, path } = hostOf(index);
  const rewarm = Math.ceil(count / 4);
  for (let call = 0; call < rewarm; call += 1) await host.handle(forwardedGet(path));
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
