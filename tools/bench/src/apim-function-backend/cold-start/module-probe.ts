import { createRequire, register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

// Loader hook that reports every URL the ES module loader resolves (CommonJS is read from the cache).
const HOOKS = `let port;
export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  port.postMessage(result.url);
  return result;
}`;

/** Modules of Azure Monitor / OpenTelemetry the process has loaded so far. */
export interface ProbeReport {
  monitorModules: number;
  loadedModules: number;
}

const MONITOR = /[\\/]node_modules[\\/](@azure[\\/]monitor-opentelemetry|@opentelemetry)[\\/]/;

/** Starts recording loaded modules; must run before the app is loaded. */
export function startModuleProbe(): { report(): Promise<ProbeReport> } {
  const urls = new Set<string>();
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (url: string) => urls.add(url));
  port1.unref();
  register(`data:text/javascript,${encodeURIComponent(HOOKS)}`, {
    data: { port: port2 },
    transferList: [port2],
  });
  const cache = createRequire(import.meta.url).cache;
  return {
    async report() {
      // Hook messages arrive asynchronously; give the loader thread a moment to flush.
      await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
      const all = [...urls, ...Object.keys(cache)];
      return {
        monitorModules: all.filter((id) => MONITOR.test(id)).length,
        loadedModules: all.length,
      };
    },
  };
}
