import type { AppRuntime } from '../core/app-runtime.js';
import { emptyResponse, type HostResponse } from '../http/host-request.js';
import { type Deadline, DeadlineQueues } from './deadline-queue.js';
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
  return new Promise<HostResponse>((resolve) => {
    const run = new InvocationRun(
      app,
      functionName,
      invocationId,
      limits,
      release,
      resolve,
      streamed,
    );
    const { functionTimeoutMs, frontEndTimeoutMs } = limits;
    if (functionTimeoutMs !== undefined && functionTimeoutMs <= MAX_TIMER_MS) {
      run.functionTimer = functionDeadlines.add(functionTimeoutMs, run);
    }
    if (frontEndTimeoutMs !== undefined && frontEndTimeoutMs <= MAX_TIMER_MS) {
      run.frontEndTimer = frontEndDeadlines.add(frontEndTimeoutMs, run);
    }
    streamed?.response.then(
      (response) => run.answer(response),
      () => run.answer(emptyResponse(502)),
    );
    invoke().then(
      (response) => run.succeeded(response),
      (error: unknown) => run.failed(error),
    );
  });
}

// Per-request state lives in a class, not closures: tsx's keepNames would wrap each closure in
// a per-request __name call (Object.defineProperty).
class InvocationRun {
  private readonly started = performance.now();
  private readonly name: string;
  // The two information lines per request are only built when someone will print them.
  private readonly logInformation: boolean;
  private answered = false;
  private settled = false;
  functionTimer: Deadline<InvocationRun> | undefined;
  frontEndTimer: Deadline<InvocationRun> | undefined;

  constructor(
    private readonly app: AppRuntime,
    readonly functionName: string,
    readonly invocationId: string,
    readonly limits: InvocationLimits,
    private readonly release: () => void,
    private readonly resolve: (response: HostResponse) => void,
    readonly streamed: StreamedResponse | undefined,
  ) {
    this.name = `Functions.${functionName}`;
    this.logInformation = app.isLogEnabled('information');
    if (this.logInformation)
      this.log(
        'information',
        `Executing '${this.name}' (Reason='This function was programmatically called via the host APIs.', Id=${invocationId})`,
      );
  }

  log(level: 'information' | 'warning' | 'error', message: string): void {
    const { functionName, invocationId } = this;
    this.app.log({ level, category: 'host', message, functionName, invocationId });
  }

  answer(response: HostResponse): void {
    if (this.answered) return;
    this.answered = true;
    this.frontEndTimer?.cancel();
    this.resolve(response);
  }

  isAnswered(): boolean {
    return this.answered;
  }

  settle(): boolean {
    if (this.settled) return false;
    this.settled = true;
    this.functionTimer?.cancel();
    this.release();
    return true;
  }

  duration(): number {
    return Math.round(performance.now() - this.started);
  }

  fullName(): string {
    return this.name;
  }

  succeeded(response: HostResponse | undefined): void {
    if (!this.settle()) return;
    if (this.logInformation)
      this.log(
        'information',
        `Executed '${this.name}' (Succeeded, Id=${this.invocationId}, Duration=${this.duration()}ms)`,
      );
    if (response) this.answer(response);
  }

  failed(error: unknown): void {
    if (!this.settle()) return;
    const { name, invocationId, streamed, functionName } = this;
    const { frontEndTimeoutMs } = this.limits;
    this.log(
      'error',
      `Executed '${name}' (Failed, Id=${invocationId}, Duration=${this.duration()}ms)`,
    );
    this.log(
      'error',
      `Exception while executing function: ${name}. Result: Failure\n${describeError(error)}`,
    );
    if (!streamed) this.answer(emptyResponse(500));
    else if (!this.answered)
      this.log(
        'warning',
        `In HTTP streams mode the worker sends no response for a failed invocation (azure-functions-nodejs-library#324): the client waits until the front end answers 502${frontEndTimeoutMs === undefined ? '' : ` after ${frontEndTimeoutMs / 1000} s`}. Catch errors in '${functionName}' and return a response.`,
      );
  }
}

function functionTimedOut(run: InvocationRun): void {
  if (!run.settle()) return;
  const name = run.fullName();
  const { invocationId, streamed } = run;
  const { functionTimeoutText } = run.limits;
  // The host's lines (FunctionExecutor, WebJobs.Host), then what Azure does next.
  run.log(
    'error',
    `Timeout value of ${functionTimeoutText} exceeded by function '${name}' (Id: '${invocationId}'). Initiating cancellation.`,
  );
  run.log('error', `Executed '${name}' (Failed, Id=${invocationId}, Duration=${run.duration()}ms)`);
  run.log(
    'error',
    `Microsoft.Azure.WebJobs.Host: Timeout value of ${functionTimeoutText} was exceeded by function: ${name}.`,
  );
  run.log(
    'warning',
    `A function timeout has occurred. Azure restarts the language worker process executing invocationId '${invocationId}'; the local host cannot stop the handler, so it abandons it (result discarded, slot freed).`,
  );
  if (streamed) {
    streamed.abort(`functionTimeout (${functionTimeoutText}) exceeded: the worker restarts.`);
    run.answer(emptyResponse(502));
  } else {
    run.answer(emptyResponse(500));
  }
}

function frontEndTimedOut(run: InvocationRun): void {
  if (run.isAnswered()) return;
  const name = run.fullName();
  const { invocationId, streamed } = run;
  const { frontEndTimeoutMs = 0, functionTimeoutText } = run.limits;
  run.log(
    'warning',
    `'${name}' (Id=${invocationId}) has not responded within ${frontEndTimeoutMs / 1000} s: Azure's front end answers 502 now (an HTTP function must respond within 230 s); the function keeps running until it returns or functionTimeout (${functionTimeoutText}) ends it.`,
  );
  streamed?.abort(`No response within ${frontEndTimeoutMs / 1000} s (front end).`);
  run.answer(emptyResponse(502));
}

// Both clocks of every invocation share one timer per delay instead of two setTimeout per request.
const functionDeadlines = new DeadlineQueues<InvocationRun>(functionTimedOut);
const frontEndDeadlines = new DeadlineQueues<InvocationRun>(frontEndTimedOut);
