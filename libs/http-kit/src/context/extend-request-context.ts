import type { HttpRequest } from '@azure/functions';

import type { ContextExtension } from './context-extension.js';
import type { RequestContext } from './request-context.js';

/** One declared extension: the context key it fills and the function computing its value. */
export type ContextEntry = readonly [name: string, extend: ContextExtension];

function isPromise(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

async function extendAsync(
  entries: readonly ContextEntry[],
  index: number,
  pending: PromiseLike<unknown>,
  request: HttpRequest,
  context: Record<string, unknown>,
): Promise<void> {
  let value = await pending;
  for (let next = index; next < entries.length; next += 1) {
    const [name, extend] = entries[next] as ContextEntry;
    if (next > index) value = await extend(request, context as unknown as RequestContext);
    context[name] = value;
  }
}

/**
 * Adds each extension's value to `context` in declaration order, so a later extension sees the
 * earlier ones. Synchronous unless an extension returns a promise.
 */
export function extendRequestContext(
  entries: readonly ContextEntry[],
  request: HttpRequest,
  context: RequestContext,
): void | Promise<void> {
  // The context object belongs to this invocation alone; each extension fills its key once.
  const values = context as unknown as Record<string, unknown>;
  for (let index = 0; index < entries.length; index += 1) {
    const [name, extend] = entries[index] as ContextEntry;
    const value = extend(request, context);
    if (isPromise(value)) return extendAsync(entries, index, value, request, values);
    values[name] = value;
  }
}
