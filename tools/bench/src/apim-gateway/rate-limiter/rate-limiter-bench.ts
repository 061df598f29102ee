// Micro-benchmark: cost of one rate-limit check + record as the calls in the window grow.
import { performance } from 'node:perf_hooks';

import { SlidingWindowLimiter } from '@cookbook/apim-gateway';

import { ExactSlidingLog } from './exact-sliding-log.js';

interface Limiter {
  check(key: string, limit: number, periodSeconds: number): unknown;
  record(key: string, periodSeconds: number, count?: number): void;
  /** Counts `calls` calls at the current time. */
  seed(key: string, calls: number): void;
}

const PERIOD_SECONDS = 300;

/** Microseconds per request with `inWindow` calls already counted for the key. */
function costPerRequest(create: (now: () => number) => Limiter, inWindow: number): number {
  let t = 1_000_000;
  const now = (): number => t;
  const limiter = create(now);
  limiter.seed('key', inWindow);
  // enough requests to measure, few enough that the slow baseline finishes in seconds
  const requests = Math.max(50, Math.min(20_000, Math.round(2e7 / Math.max(inWindow, 1_000) / 10)));
  const started = performance.now();
  for (let i = 0; i < requests; i++) {
    t += 1;
    limiter.check('key', Number.MAX_SAFE_INTEGER, PERIOD_SECONDS);
    limiter.record('key', PERIOD_SECONDS);
  }
  return ((performance.now() - started) * 1000) / requests;
}

function best(measure: () => number, rounds = 5): number {
  return Math.min(...Array.from({ length: rounds }, measure));
}

const counter = (now: () => number): Limiter => {
  const limiter = new SlidingWindowLimiter({ maxKeys: 10, now });
  return {
    check: (key, limit, period) => limiter.check(key, limit, period),
    record: (key, period, count) => limiter.record(key, period, count),
    seed: (key, calls) => limiter.record(key, PERIOD_SECONDS, calls),
  };
};
const log = (now: () => number): Limiter => new ExactSlidingLog(now);
const format = (us: number): string => `${us < 10 ? us.toFixed(3) : us.toFixed(1)} µs`;

/** The sliding-window counter against the exact log it replaced, at 1k and 100k calls in the window. */
export function runRateLimiterBench(): void {
  const rows = [1_000, 100_000].map((inWindow) => ({
    inWindow,
    log: best(() => costPerRequest(log, inWindow), inWindow > 10_000 ? 2 : 5),
    counter: best(() => costPerRequest(counter, inWindow)),
  }));

  console.log(`rate-limit-by-key: one check + record, renewal-period ${PERIOD_SECONDS} s, one key`);
  console.log('calls in window | exact log (before) | sliding-window counter | before / now');
  for (const row of rows) {
    console.log(
      `${row.inWindow.toLocaleString('en-US').padStart(15)} | ${format(row.log).padStart(18)} | ${format(row.counter).padStart(22)} | ${(row.log / row.counter).toFixed(0)}×`,
    );
  }
  const [small, large] = rows as [(typeof rows)[0], (typeof rows)[0]];
  console.log(
    `growth 1k → 100k calls: exact log ${(large.log / small.log).toFixed(1)}×, counter ${(large.counter / small.counter).toFixed(2)}× (1× = O(1) per request)`,
  );
}
