import type { RpcTraceContext } from '../core/core-types.js';
import { randomHex } from './random-hex.js';

const TRACEPARENT_RE = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;

/**
 * Builds the invocation's trace context like the host's Activity: a valid incoming
 * `traceparent` keeps its trace id and flags and gets a new span id; otherwise a new trace starts.
 */
export function createTraceContext(
  traceparent: string | undefined,
  tracestate: string | undefined,
): RpcTraceContext {
  const spanId = randomHex(8);
  const parsed = traceparent ? TRACEPARENT_RE.exec(traceparent.trim().toLowerCase()) : null;
  const [, version, traceId, parentId, flags, extra] = parsed ?? [];
  const valid =
    parsed &&
    version !== 'ff' &&
    !/^0+$/.test(traceId ?? '') &&
    !/^0+$/.test(parentId ?? '') &&
    (version !== '00' || extra === undefined);
  if (valid) {
    return {
      traceParent: `00-${traceId}-${spanId}-${flags}`,
      traceState: tracestate ?? '',
      attributes: {},
    };
  }
  return {
    traceParent: `00-${randomHex(16)}-${spanId}-00`,
    traceState: '',
    attributes: {},
  };
}
