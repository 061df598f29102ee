import { jsonKeyPrefix } from './json-key.js';
import { type LogScope, type ScopeFields } from './log-context.js';
import { redactFields } from './redact.js';
import { isPlainKey } from './secret-keys.js';

const NO_FIELDS: ScopeFields = Object.freeze({ values: Object.freeze({}), json: '' });

function member(key: string, value: unknown): string {
  const prefix = jsonKeyPrefix(key);
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = '"[Unserializable]"';
  }
  return json === undefined ? '' : prefix + json;
}

// Ids (UUIDs, hex trace ids, sanitized correlation ids, function names): no '=' or whitespace,
// so redactString leaves them as they are, and no character JSON would escape.
const PLAIN_TEXT = /^[\w.:-]*$/;

// The usual context: ordinary keys holding ids, serialized without the redaction walk.
function plainContextJson(context: Readonly<Record<string, unknown>>): string | undefined {
  let json = '';
  for (const key in context) {
    const value = context[key];
    if (typeof value !== 'string' || !PLAIN_TEXT.test(value) || !isPlainKey(key)) return undefined;
    json += `${jsonKeyPrefix(key)}"${value}"`;
  }
  return json;
}

/** The scope's context, redacted and serialized on its first line and reused for the rest. */
export function scopeFields(scope: LogScope | undefined): ScopeFields {
  if (!scope) return NO_FIELDS;
  if (scope.fields) return scope.fields;
  const plain = plainContextJson(scope.context);
  if (plain !== undefined) {
    scope.fields = { values: scope.context, json: plain };
    return scope.fields;
  }
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
