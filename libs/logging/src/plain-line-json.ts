import { jsonKeyPrefix } from './json-key.js';
import { redactString } from './redact-string.js';
import { isPlainKey } from './secret-keys.js';

// ES2024 (Node 20+); the workspace's TypeScript lib is ES2023
const isWellFormed = (text: string): boolean =>
  (text as string & { isWellFormed(): boolean }).isWellFormed();

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
