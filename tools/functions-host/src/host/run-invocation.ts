import type { AppRuntime } from '../core/app-runtime.js';
import { emptyResponse, type HostResponse } from '../http/host-request.js';
import { describeError } from './describe-error.js';

export interface InvocationLimits {
  /** host.json `functionTimeout` in ms; undefined = unbounded. */
  functionTimeoutMs: number | undefined;
  functionTimeoutText: string;
  /** The front end's response limit (230 s on Azure); undefined = none. */
  frontEndTimeoutMs: number | undefined;
}

// setTimeout fires at once for longer delays; such a limit is unbounded in practice (24.8 days).
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Runs one invocation with the host's log lines and Azure's two clocks. `functionTimeout`: the
 * invocation is logged as timed out and answered 500, and the host lets go of it (Azure restarts
 * the worker), so a hung handler keeps nothing alive here. The front end's 230 s limit: the client
 * gets 502 while the function keeps running until it ends or hits `functionTimeout`.
 * `release` runs exactly once, when the invocation ends or times out.
 */
export function runInvocation(
  app: AppRuntime,
  functionName: string,
  invocationId: string,
  limits: InvocationLimits,
  invoke: () => Promise<HostResponse>,
  release: () => void,
): Promise<HostResponse> {
  const started = performance.now();
  const log = (level: 'information' | 'warning' | 'error', message: string): void =>
    app.log({ level, category: 'host', message, functionName, invocationId });
  const name = `Functions.${functionName}`;
  // The two information lines per request are only built when someone will print them.
  const logInformation = app.isLogEnabled('information');
  if (logInformation)
    log(
      'information',
      `Executing '${name}' (Reason='This function was programmatically called via the host APIs.', Id=${invocationId})`,
    );
  return new Promise<HostResponse>((resolve) => {
    let answered = false;
    let settled = false;
    let functionTimer: NodeJS.Timeout | undefined;
    let frontEndTimer: NodeJS.Timeout | undefined;
    const answer = (response: HostResponse): void => {
      if (answered) return;
      answered = true;
      clearTimeout(frontEndTimer);
      resolve(response);
    };
    const settle = (): boolean => {
      if (settled) return false;
      settled = true;
      clearTimeout(functionTimer);
      release();
      return true;
    };
    const duration = (): number => Math.round(performance.now() - started);

    const { functionTimeoutMs, frontEndTimeoutMs, functionTimeoutText } = limits;
    if (functionTimeoutMs !== undefined && functionTimeoutMs <= MAX_TIMER_MS) {
      functionTimer = setTimeout(() => {
        if (!settle()) return;
        // The host's lines (FunctionExecutor, WebJobs.Host), then what Azure does next.
        log(
          'error',
          `Timeout value of ${functionTimeoutText} exceeded by function '${name}' (Id: '${invocationId}'). Initiating cancellation.`,
        );
        log('error', `Executed '${name}' (Failed, Id=${invocationId}, Duration=${duration()}ms)`);
        log(
          'error',
          `Microsoft.Azure.WebJobs.Host: Timeout value of ${functionTimeoutText} was exceeded by function: ${name}.`,
        );
        log(
          'warning',
          `A function timeout has occurred. Azure restarts the language worker process executing invocationId '${invocationId}'; the local host cannot stop the handler, so it abandons it (result discarded, slot freed).`,
        );
        answer(emptyResponse(500));
      }, functionTimeoutMs);
      functionTimer.unref();
    }
    if (frontEndTimeoutMs !== undefined && frontEndTimeoutMs <= MAX_TIMER_MS) {
      frontEndTimer = setTimeout(() => {
        if (answered) return;
        log(
          'warning',
          `'${name}' (Id=${invocationId}) has not responded within ${frontEndTimeoutMs / 1000} s: Azure's front end answers 502 now (an HTTP function must respond within 230 s); the function keeps running until it returns or functionTimeout (${functionTimeoutText}) ends it.`,
        );
        answer(emptyResponse(502));
      }, frontEndTimeoutMs);
      frontEndTimer.unref();
    }

    invoke().then(
      (response) => {
        if (!settle()) return;
        if (logInformation)
          log(
            'information',
            `Executed '${name}' (Succeeded, Id=${invocationId}, Duration=${duration()}ms)`,
          );
        answer(response);
      },
      (error: unknown) => {
        if (!settle()) return;
        log('error', `Executed '${name}' (Failed, Id=${invocationId}, Duration=${duration()}ms)`);
        log(
          'error',
          `Exception while executing function: ${name}. Result: Failure\n${describeError(error)}`,
        );
        answer(emptyResponse(500));
      },
    );
  });
}
