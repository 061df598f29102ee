// Preloaded into the child gateway (--import): on 'memory', a full GC then process.memoryUsage().
declare const gc: (() => void) | undefined;

process.on('message', (message) => {
  if (message !== 'memory') return;
  if (typeof gc === 'function') {
    gc();
    gc();
  }
  process.send?.({ type: 'memory', ...process.memoryUsage() });
});
// the IPC channel must not keep the gateway alive after a graceful shutdown
process.channel?.unref();
