import type { AppRuntime } from '../core/app-runtime.js';
import { emptyResponse, type HostResponse } from '../http/host-request.js';
import { describeError } from './describe-error.js';

/** Streams mode: the response comes from the worker's HTTP proxy, not from the invocation result. */
export interface StreamedResponse {
  /** The worker's response head (body streamed); the client is answered as soon as it arrives. */
  response: Promise<HostResponse>;
  /** Cuts the forward (the worker restarts on functionTimeout; the front end gives up at 230 s). */
  abort(reason: string): void;
}

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
 *
 * With `streamed` (HTTP streams mode) the client is answered from the worker's proxy response and
 * `invoke` settles when the invocation has ended and the response was delivered. A failed
 * invocation then answers nothing, as on Azure (azure-functions-nodejs-library#324): the client
 * waits for the front end's 502; on `functionTimeout` the forward is cut (502 before the head).
 */
export function runInvocation(
  app: AppRuntime,
  functionName: string,
  invocationId: string,
  limits: InvocationLimits,
  invoke: () => Promise<HostResponse | undefined>,
  release: () => void,
  streamed?: StreamedResponse,
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
        if (streamed) {
          streamed.abort(`functionTimeout (${functionTimeoutText}) exceeded: the worker restarts.`);
          answer(emptyResponse(502));
        } else {
          answer(emptyResponse(500));
        }
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
        streamed?.abort(`No response within ${frontEndTimeoutMs / 1000} s (front end).`);
        answer(emptyResponse(502));
      }, frontEndTimeoutMs);
      frontEndTimer.unref();
    }
    streamed?.response.then(answer, () => answer(emptyResponse(502)));

    invoke().then(
      (response) => {
        if (!settle()) return;
        if (logInformation)
          log(
            'information',
            `Executed '${name}' (Succeeded, Id=${invocationId}, Duration=${duration()}ms)`,
          );
        if (response) answer(response);
      },
      (error: unknown) => {
        if (!settle()) return;
        log('error', `Executed '${name}' (Failed, Id=${invocationId}, Duration=${duration()}ms)`);
        log(
          'error',
          `Exception while executing function: ${name}. Result: Failure\n${describeError(error)}`,
        );
        if (!streamed) answer(emptyResponse(500));
        else if (!answered)
          log(
            'warning',
            `In HTTP streams mode the worker sends no response for a failed invocation (azure-functions-nodejs-library#324): the client waits until the front end answers 502${frontEndTimeoutMs === undefined ? '' : ` after ${frontEndTimeoutMs / 1000} s`}. Catch errors in '${functionName}' and return a response.`,
          );
      },
    );
  });
}
