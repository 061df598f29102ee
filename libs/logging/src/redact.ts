import { stdSerializers } from 'pino';

import { REDACTED, redactQueryString, redactString } from './redact-string.js';
import { isPlainKey, isQueryContainerKey, isSecretKey, isSecretQueryKey } from './secret-keys.js';

/** Limits for {@link redact}; deeper or circular parts are replaced, never leaked. */
export type RedactOptions = {
  /** Nesting depth kept before a value becomes `[Truncated]` (default 8). */
  maxDepth?: number;
};

type Walk = { maxDepth: number; ancestors: object[] };

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function entriesOf(value: object): [string, unknown][] | undefined {
  if (value instanceof Map) return [...value.entries()].map(([k, v]) => [String(k), v]);
  if (value instanceof URLSearchParams || value instanceof Headers) return [...value.entries()];
  return undefined;
}

function walkEntries(
  entries: Iterable<[string, unknown]>,
  depth: number,
  queryLike: boolean,
  state: Walk,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, item] of entries) {
    if (item === undefined) continue;
    if (isSecretKey(key) || (queryLike && isSecretQueryKey(key))) {
      result[key] = REDACTED;
    } else {
      result[key] = walk(item, depth + 1, isQueryContainerKey(key), state);
    }
  }
  return result;
}

function walkObject(value: object, depth: number, inQuery: boolean, state: Walk): unknown {
  if (Array.isArray(value)) return value.map((item) => walk(item, depth + 1, inQuery, state));
  if (isPlainObject(value)) return walkEntries(Object.entries(value), depth, inQuery, state);
  if (value instanceof Error) return walk(stdSerializers.err(value), depth, inQuery, state);
  const entries = entriesOf(value);
  if (entries)
    return walkEntries(entries, depth, inQuery || value instanceof URLSearchParams, state);
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return walk(toJSON.call(value), depth, inQuery, state);
  return walkEntries(Object.entries(value), depth, inQuery, state);
}

function walk(value: unknown, depth: number, inQuery: boolean, state: Walk): unknown {
  if (typeof value === 'string') return inQuery ? redactQueryString(value) : redactString(value);
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return value;
  if (value instanceof URL) return redactString(value.href);
  if (ArrayBuffer.isView(value)) return `[${value.constructor.name} ${value.byteLength} bytes]`;
  if (depth >= state.maxDepth) return '[Truncated]';
  // the depth bound keeps this ancestor list short, so a linear search beats a WeakSet
  if (state.ancestors.includes(value)) return '[Circular]';
  state.ancestors.push(value);
  try {
    return walkObject(value, depth, inQuery, state);
  } finally {
    state.ancestors.pop();
  }
}

/**
 * Returns a copy of `value` with secrets replaced by {@link REDACTED}: secret-named keys at any
 * depth (headers in any casing, `password`, `clientSecret`, `access_token`), the `code` and
 * `subscription-key` query parameters in URLs and query objects, and bearer tokens in text.
 */
export function redact(value: unknown, options: RedactOptions = {}): unknown {
  return walk(value, 0, false, { maxDepth: options.maxDepth ?? 8, ancestors: [] });
}

// Most lines are flat objects of numbers and short strings under ordinary keys: nothing to copy.
function isClean(value: object): boolean {
  if (!isPlainObject(value)) return false;
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    if (
      typeof item === 'object'
        ? item !== null
        : typeof item === 'string' && redactString(item) !== item
    ) {
      return false;
    }
    if (!isPlainKey(key)) return false;
  }
  return true;
}

/**
 * {@link redact} for a line's fields: a flat object with nothing to mask is returned as is (no
 * copy); anything else gets the full walk.
 */
export function redactFields(value: object): Record<string, unknown> {
  return (isClean(value) ? value : redact(value)) as Record<string, unknown>;
}
