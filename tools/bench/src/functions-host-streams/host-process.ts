import { createLocalHost, startHostServer } from '@cookbook/functions-host';

// The local host in its own process, so its RSS is the host's (and the worker library's) alone.
const [appDir = ''] = process.argv.slice(2);

const host = await createLocalHost(appDir, {
  log: () => undefined,
  // No body limit for the bench (Azure: the FUNCTIONS_REQUEST_BODY_SIZE_LIMIT app setting).
  env: { FUNCTIONS_REQUEST_BODY_SIZE_LIMIT: String(Number.MAX_SAFE_INTEGER) },
});
const server = await startHostServer(host, { port: 0, minRequestBodyDataRate: null });

const gc = (globalThis as { gc?: () => void }).gc;
let peak = 0;
const sample = (): void => {
  peak = Math.max(peak, process.memoryUsage.rss());
};
setInterval(sample, 20).unref();

process.on('message', (message) => {
  if (message === 'exit') {
    void server.close({ drainTimeoutMs: 0 }).then(() => host.close().then(() => process.exit(0)));
    return;
  }
  if (message === 'mark') {
    // Settled memory now; the peak restarts from here.
    gc?.();
    const rss = process.memoryUsage.rss();
    const { heapUsed } = process.memoryUsage();
    const previousPeak = peak;
    peak = rss;
    process.send?.({ rss, heapUsed, peak: Math.max(previousPeak, rss) });
  }
});
process.send?.({ port: server.port, streams: host.streams });
