import { jsonKeyPrefix } from './json-key.js';
import { redactString } from './redact-string.js';
import { isPlainKey } from './secret-keys.js';

// ES2024 (Node 20+); the workspace's TypeScript lib is ES2023
const isWellFormed = (text: string): boolean =>
  (text as string & { isWellFormed(): boolean }).isWellFormed();

// Ids, slugs, enum values: no '=' or whitespace, so redactString leaves them as they are, and no
// character JSON would escape; the common case skips the redaction regexes and JSON.stringify.
const PLAIN_TEXT = /^[\w.:-]*$/;

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * A line's fields as the JSON members pino would write for them, when there is nothing to
 * redact: a plain object of strings, numbers, booleans and nulls under ordinary keys. Otherwise
 * `undefined` (nested values, secrets, lone surrogates, which pino and JSON.stringify escape
 * differently). Strings go through the native JSON.stringify instead of pino's per-character loop.
 */
export function plainLineJson(line: unknown): string | undefined {
  if (typeof line !== 'object' || line === null || !isPlainObject(line)) return undefined;
  let json = '';
  for (const key in line) {
    if (!isPlainKey(key) || !isWellFormed(key)) return undefined;
    const value = (line as Record<string, unknown>)[key];
    switch (typeof value) {
      case 'string':
        if (PLAIN_TEXT.test(value)) {
          json += `${jsonKeyPrefix(key)}"${value}"`;
          break;
        }
        if (!isWellFormed(value) || redactString(value) !== value) return undefined;
        json += jsonKeyPrefix(key) + JSON.stringify(value);
        break;
      case 'number':
        json += jsonKeyPrefix(key) + (Number.isFinite(value) ? String(value) : 'null');
        break;
      case 'boolean':
        json += jsonKeyPrefix(key) + String(value);
        break;
      // pino leaves these out
      case 'undefined':
      case 'function':
        break;
      default:
        if (value !== null) return undefined;
        json += `${jsonKeyPrefix(key)}null`;
    }
  }
  return json;
}

// messages are mostly call-site constants: redact and escape each one once
const messageMembers = new Map<string, string | undefined>();

/**
 * `,"msg":"…"` for a message, redacted, byte for byte what pino writes for it; `undefined` when
 * pino's escaping would differ (lone surrogates) or pino would format it (no arguments: never).
 * Cached for the first 256 messages.
 */
export function plainMessageMember(message: string): string | undefined {
  let member = messageMembers.get(message);
  if (member === undefined && !messageMembers.has(message)) {
    const redacted = redactString(message);
    member = isWellFormed(redacted) ? `,"msg":${JSON.stringify(redacted)}` : undefined;
    if (messageMembers.size < 256) messageMembers.set(message, member);
  }
  return member;
}
