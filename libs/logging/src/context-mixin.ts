import { peekLogContext } from './log-context.js';
import { redact } from './redact.js';

const NO_FIELDS: Readonly<Record<string, unknown>> = Object.freeze({});
// a scope's context is fixed, so it is redacted once per scope instead of once per line
const redactedContexts = new WeakMap<object, Readonly<Record<string, unknown>>>();

/** pino `mixin`: the current scope's context fields, already redacted. */
export function contextFields(): Readonly<Record<string, unknown>> {
  const context = peekLogContext();
  if (!context) return NO_FIELDS;
  let fields = redactedContexts.get(context);
  if (!fields) {
    fields = redact(context) as Record<string, unknown>;
    redactedContexts.set(context, fields);
  }
  return fields;
}

/** pino `mixinMergeStrategy`: context first, then the line's own (redacted) fields win. */
export function mergeWithContext(line: object, context: object): object {
  return { ...context, ...(redact(line) as object) };
}
