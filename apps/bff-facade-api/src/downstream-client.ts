import {
  BrokenCircuitError,
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleAll,
  handleWhen,
  retry,
  TaskCancelledError,
  timeout,
  TimeoutStrategy,
  wrap,
} from 'cockatiel';
import type * as z from 'zod';

/** Why a downstream call gave no usable body. */
export type FailureReason =
  | 'timeout'
  | 'network'
  | 'status'
  | 'invalid-json'
  | 'invalid-body'
  | 'circuit-open';

/** How one downstream call ended: what the log line and the response are built from. */
export type CallOutcome<T> =
  | { readonly outcome: 'ok'; readonly value: T; readonly status: number }
  | { readonly outcome: 'not-found'; readonly status: 404 }
  | { readonly outcome: FailureReason; readonly status?: number };

/** A finished call: its outcome, how long it took and how many attempts it made. */
export type Call<T> = CallOutcome<T> & { readonly ms: number; readonly attempts: number };

/** Resilience knobs of one downstream; the defaults suit an interactive page. */
export interface DownstreamOptions<T> {
  readonly name: string;
  readonly schema: z.ZodType<T>;
  /** Per attempt. */
  readonly timeoutMs: number;
  /** The whole call, retry included; the caller's overall deadline. */
  readonly deadlineMs: number;
  /** Consecutive failures that open the circuit (default 5). */
  readonly breakAfter?: number;
  /** How long the circuit stays open before one trial call (default 10 s). */
  readonly halfOpenAfterMs?: number;
}

// A downstream answer we cannot use; thrown inside the policies so retry and breaker see it.
class DownstreamFailure extends Error {
  constructor(
    readonly reason: FailureReason,
    readonly status?: number,
  ) {
    super(status === undefined ? reason : `${reason} ${status}`);
  }
}

const MAX_BODY_CHARS = 256 * 1024;

// Idempotent GETs may be repeated: only a refused/dropped connection or a 503 is worth a second try.
const isTransient = (error: unknown): boolean =>
  error instanceof DownstreamFailure && (error.reason === 'network' || error.status === 503);

function parseBody<T>(text: string, schema: z.ZodType<T>, status: number): T {
  if (text.length > MAX_BODY_CHARS) throw new DownstreamFailure('invalid-body', status);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DownstreamFailure('invalid-json', status);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new DownstreamFailure('invalid-body', status);
  return parsed.data;
}

function failureOf(error: unknown): { outcome: FailureReason; status?: number } {
  if (error instanceof DownstreamFailure)
    return error.status === undefined
      ? { outcome: error.reason }
      : { outcome: error.reason, status: error.status };
  if (error instanceof BrokenCircuitError) return { outcome: 'circuit-open' };
  if (error instanceof TaskCancelledError) return { outcome: 'timeout' };
  return { outcome: 'network' };
}

/** A downstream GET with its own timeout, one jittered retry and a circuit breaker. */
export interface DownstreamClient<T> {
  readonly name: string;
  /** `closed`, `open`, `half-open` or `isolated`: what the breaker of this instance thinks. */
  circuitState(): string;
  get(url: string, headers: Readonly<Record<string, string>>): Promise<Call<T>>;
}

/**
 * Builds the policies once. Keep the client at module level: the breaker's memory of failures
 * must outlive one invocation, and it is per instance of the app (each scaled-out instance learns
 * on its own).
 */
export function createDownstreamClient<T>(options: DownstreamOptions<T>): DownstreamClient<T> {
  const breaker = circuitBreaker(handleAll, {
    halfOpenAfter: options.halfOpenAfterMs ?? 10_000,
    breaker: new ConsecutiveBreaker(options.breakAfter ?? 5),
  });
  const policy = wrap(
    // outermost: the overall deadline bounds the retry and any wait for a half-open trial
    timeout(options.deadlineMs, TimeoutStrategy.Aggressive),
    // ExponentialBackoff's default generator is decorrelated jitter: retries do not synchronise
    retry(handleWhen(isTransient), {
      maxAttempts: 1,
      backoff: new ExponentialBackoff({ initialDelay: 50, maxDelay: 200 }),
    }),
    breaker,
    // Aggressive: the attempt ends at the timeout even if the socket is still open
    timeout(options.timeoutMs, TimeoutStrategy.Aggressive),
  );

  return {
    name: options.name,
    circuitState: () => CircuitState[breaker.state].replace('HalfOpen', 'half-open').toLowerCase(),
    async get(url, headers) {
      const started = performance.now();
      let attempts = 0;
      let outcome: CallOutcome<T>;
      try {
        outcome = await policy.execute(async ({ signal }): Promise<CallOutcome<T>> => {
          attempts += 1;
          let response: Response;
          try {
            response = await fetch(url, { headers, signal, redirect: 'error' });
          } catch (error) {
            if (signal.aborted) throw error;
            throw new DownstreamFailure('network');
          }
          if (response.status === 404) {
            await response.body?.cancel();
            // "no such customer" is an answer, not a fault: the breaker counts it as a success
            return { outcome: 'not-found', status: 404 };
          }
          if (!response.ok) {
            await response.body?.cancel();
            throw new DownstreamFailure('status', response.status);
          }
          const value = parseBody(await response.text(), options.schema, response.status);
          return { outcome: 'ok', value, status: response.status };
        });
      } catch (error) {
        outcome = failureOf(error);
      }
      return { ...outcome, ms: Math.round(performance.now() - started), attempts };
    },
  };
}
