// lines and scopes repeat the same few keys
const keyPrefixes = new Map<string, string>();

/** `,"key":` for appending a member to a JSON line; cached for the first 256 keys. */
export function jsonKeyPrefix(key: string): string {
  let prefix = keyPrefixes.get(key);
  if (prefix === undefined) {
    prefix = `,${JSON.stringify(key)}:`;
    if (keyPrefixes.size < 256) keyPrefixes.set(key, prefix);
  }
  return prefix;
}
