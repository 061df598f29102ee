import azureFunctions, { type InvocationContext } from '@azure/functions';

/** One line logged through the invocation context (what the host would record). */
export interface FakeLogEntry {
  readonly level: string;
  readonly message: string;
}

export interface FakeInvocationContextOptions {
  readonly functionName?: string;
  readonly invocationId?: string;
  /** W3C traceparent the host would pass in `traceContext`. */
  readonly traceParent?: string;
}

/** An `InvocationContext` that records its log calls in `logs`. */
export type FakeInvocationContext = InvocationContext & { readonly logs: FakeLogEntry[] };

/** Builds a real `InvocationContext` whose log handler keeps every line in memory. */
export function createFakeInvocationContext(
  options: FakeInvocationContextOptions = {},
): FakeInvocationContext {
  const logs: FakeLogEntry[] = [];
  const context = new azureFunctions.InvocationContext({
    functionName: options.functionName ?? 'test',
    invocationId: options.invocationId ?? crypto.randomUUID(),
    ...(options.traceParent ? { traceContext: { traceParent: options.traceParent } } : {}),
    logHandler: (level, ...args) => logs.push({ level, message: args.map(String).join(' ') }),
  });
  return Object.assign(context, { logs });
}
