import { subscribe } from 'node:diagnostics_channel';
import { registerHooks } from 'node:module';

/** What happened first in a launched host: its first response, or loading the exporter. */
export interface OrderReport {
  events: string[];
}

export const FIRST_RESPONSE_SENT = 'first response sent';
export const EXPORTER_LOADED = 'exporter module loaded';

const MONITOR = /[\\/]node_modules[\\/](@azure[\\/]monitor-opentelemetry|@opentelemetry)[\\/]/;

/**
 * Records, in the host's own thread, when Node hands the first HTTP response to the socket
 * (diagnostics channel `http.server.response.finish`) and when the first Azure Monitor or
 * OpenTelemetry module is loaded (a synchronous `module.registerHooks` load hook, which runs
 * before that module's code is evaluated). Both land in one array, so the order is causal.
 */
export function startOrderProbe(): { report(timeoutMs: number): Promise<OrderReport> } {
  const events: string[] = [];
  let exporterLoaded = (): void => undefined;
  const loaded = new Promise<void>((resolveLoaded) => {
    exporterLoaded = resolveLoaded;
  });
  const onFinish = (): void => {
    if (!events.includes(FIRST_RESPONSE_SENT)) events.push(FIRST_RESPONSE_SENT);
  };
  subscribe('http.server.response.finish', onFinish);
  registerHooks({
    load(url, context, nextLoad) {
      if (!events.includes(EXPORTER_LOADED) && MONITOR.test(url)) {
        events.push(EXPORTER_LOADED);
        exporterLoaded();
      }
      return nextLoad(url, context);
    },
  });
  return {
    async report(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolveTimeout) => {
        timer = setTimeout(resolveTimeout, timeoutMs);
      });
      await Promise.race([loaded, timeout]);
      clearTimeout(timer);
      return { events: [...events] };
    },
  };
}
