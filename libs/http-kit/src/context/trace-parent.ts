const TRACE_PARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;
const ZERO_TRACE_ID = '0'.repeat(32);
const ZERO_PARENT_ID = '0'.repeat(16);

/** Trace id of a W3C `traceparent`, or `undefined` when it is malformed or all zeros. */
export function traceIdFromTraceParent(traceParent: string | null | undefined): string | undefined {
  if (!traceParent) return undefined;
  let value = traceParent;
  // the host sends it canonical; normalise only what does not match as is
  if (!TRACE_PARENT.test(value)) {
    value = value.trim().toLowerCase();
    if (!TRACE_PARENT.test(value)) return undefined;
  }
  if (value.startsWith('ff')) return undefined;
  const traceId = value.slice(3, 35);
  return traceId === ZERO_TRACE_ID || value.slice(36, 52) === ZERO_PARENT_ID ? undefined : traceId;
}
