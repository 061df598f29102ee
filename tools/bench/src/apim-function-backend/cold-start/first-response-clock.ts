import { subscribe, unsubscribe } from 'node:diagnostics_channel';

/** The host process's clocks when it handed its first HTTP response to the socket. */
export interface FirstResponseTimes {
  /** performance.now(): ms since this process started. */
  atMs: number;
  /** CPU time (user + system, all threads) this process had used by then. */
  cpuMs: number;
}

/** CPU ms used by this process so far (user + system, all threads). */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Records the clocks at the first `http.server.response.finish` (Node's diagnostics channel),
 * inside the host process, so neither the parent's scheduling nor load on the machine between
 * the two processes is counted.
 */
export function startFirstResponseClock(): Promise<FirstResponseTimes> {
  return new Promise((resolveTimes) => {
    const onFinish = (): void => {
      const times = { atMs: performance.now(), cpuMs: cpuMs() };
      unsubscribe('http.server.response.finish', onFinish);
      resolveTimes(times);
    };
    subscribe('http.server.response.finish', onFinish);
  });
}
