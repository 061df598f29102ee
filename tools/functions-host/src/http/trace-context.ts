import type { RpcTraceContext } from '../core/core-types.js';
import { randomHex } from './random-hex.js';

const ALL_ZEROS = /^0+$/;
const TRACEPARENT_RE = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;

/**
 * Builds the invocation's trace context like the host's Activity: a valid incoming
 * `traceparent` keeps its trace id and flags and gets a new span id; otherwise a new trace starts.
 */
export function createTraceContext(
  traceparent: string | undefined,
  tracestate: string | undefined,
): RpcTraceContext {
  const parsed = traceparent ? TRACEPARENT_RE.exec(traceparent.trim().toLowerCase()) : null;
  const [, version, traceId, parentId, flags, extra] = parsed ?? [];
  const valid =
    parsed &&
    version !== 'ff' &&
    !ALL_ZEROS.test(traceId ?? '') &&
    !ALL_ZEROS.test(parentId ?? '') &&
    (version !== '00' || extra === undefined);
  if (valid) {
    const spanId = randomHex(8);
    return {
      traceParent: `00-${traceId}-${spanId}-${flags}`,
      traceState: tracestate ?? '',
      attributes: {},
    };
  }
  // One draw for trace id + span id: 24 random bytes as 48 hex digits.
  const ids = randomHex(24);
  return {
    traceParent: `00-${ids.slice(0, 32)}-${ids.slice(32)}-00`,
    traceState: '',
    attributes: {},
  };
}
