import { randomBytes } from 'node:crypto';

import type { RpcTraceContext } from '../core/core-types.js';

const TRACEPARENT_RE = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;

/**
 * Builds the invocation's trace context like the host's Activity: a valid incoming
 * `traceparent` keeps its trace id and flags and gets a new span id; otherwise a new trace starts.
 */
export function createTraceContext(
  traceparent: string | undefined,
  tracestate: string | undefined,
): RpcTraceContext {
  const spanId = randomBytes(8).toString('hex');
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
    traceParent: `00-${randomBytes(16).toString('hex')}-${spanId}-00`,
    traceState: '',
    attributes: {},
  };
}
