import type { GatewayResponse } from './gateway-response.js';

export interface FailureDetails {
  source: string;
  reason: string;
  message: string;
}

/** A policy or built-in step failed: control moves to on-error with `context.LastError` set. */
export class PolicyFailure extends Error {
  override readonly name = 'PolicyFailure';
  readonly details: FailureDetails;
  /** The response APIM has already prepared (e.g. the 401 JWT body); undefined means a generic 500. */
  readonly response: GatewayResponse | undefined;

  constructor(details: FailureDetails, response: GatewayResponse | undefined) {
    super(details.message);
    this.details = details;
    this.response = response;
  }
}

/** return-response / mock-response / cors preflight: stop and send `context.Response` as is. */
export class ReturnResponseSignal extends Error {
  override readonly name = 'ReturnResponseSignal';

  constructor() {
    // control flow, not a failure: no stack trace to capture on every request that takes it
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super('return-response');
    Error.stackTraceLimit = limit;
  }
}

/** cache-lookup hit: skip to the outbound step after cache-store. */
export class CacheHitSignal extends Error {
  override readonly name = 'CacheHitSignal';

  constructor() {
    // control flow, not a failure: no stack trace to capture on every HIT
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super('cache hit');
    Error.stackTraceLimit = limit;
  }
}
