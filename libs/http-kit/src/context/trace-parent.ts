const TRACE_PARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** Trace id of a W3C `traceparent`, or `undefined` when it is malformed or all zeros. */
export function traceIdFromTraceParent(traceParent: string | null | undefined): string | undefined {
  const match = traceParent ? TRACE_PARENT.exec(traceParent.trim().toLowerCase()) : null;
  if (!match || match[1] === 'ff') return undefined;
  const traceId = match[2] ?? '';
  return /^0+$/.test(traceId) || /^0+$/.test(match[3] ?? '') ? undefined : traceId;
}
