import { type LogScope, type ScopeFields } from './log-context.js';
import { redactFields } from './redact.js';

const NO_FIELDS: ScopeFields = Object.freeze({ values: Object.freeze({}), json: '' });

// scopes repeat the same few keys
const keyPrefixes = new Map<string, string>();

function member(key: string, value: unknown): string {
  let prefix = keyPrefixes.get(key);
  if (prefix === undefined) {
    prefix = `,${JSON.stringify(key)}:`;
    if (keyPrefixes.size < 256) keyPrefixes.set(key, prefix);
  }
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = '"[Unserializable]"';
  }
  return json === undefined ? '' : prefix + json;
}

/** The scope's context, redacted and serialized on its first line and reused for the rest. */
export function scopeFields(scope: LogScope | undefined): ScopeFields {
  if (!scope) return NO_FIELDS;
  if (scope.fields) return scope.fields;
  const values = redactFields(scope.context);
  let json = '';
  for (const key in values) json += member(key, values[key]);
  scope.fields = { values, json };
  return scope.fields;
}

/** The context members for one line: all of them, minus any key the line sets itself. */
export function contextJsonFor(fields: ScopeFields, line: unknown): string {
  if (typeof line !== 'object' || line === null || fields.json === '') return fields.json;
  let overridden: Set<string> | undefined;
  for (const key in line) {
    if (key in fields.values) (overridden ??= new Set()).add(key);
  }
  if (!overridden) return fields.json;
  let json = '';
  for (const key in fields.values) {
    if (!overridden.has(key)) json += member(key, fields.values[key]);
  }
  return json;
}
