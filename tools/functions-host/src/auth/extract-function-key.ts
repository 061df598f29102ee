import { getFirstQueryValue } from '../http/parse-query.js';

const KEY_HEADER = 'x-functions-key';

/**
 * The key exactly as the host's AuthenticationLevelHandler reads it: when an `x-functions-key`
 * header is present its first value is the key, even when empty (no fall back to `?code=`);
 * otherwise the first `code` query value. Empty means "no key".
 */
export function extractFunctionKey(
  headers: readonly (readonly [string, string])[],
  query: string,
): string | undefined {
  for (const [name, value] of headers) {
    if (name.length === KEY_HEADER.length && name.toLowerCase() === KEY_HEADER) return value;
  }
  return getFirstQueryValue(query, 'code');
}
