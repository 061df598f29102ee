import { UsageError } from './usage-error.js';

/** `--claim roles=reader --claim roles=writer` → roles: [reader, writer]; JSON literals are parsed. */
export function parseClaims(pairs: string[]): Record<string, unknown> {
  const claims: Record<string, unknown> = {};
  for (const pair of pairs) {
    const index = pair.indexOf('=');
    if (index <= 0) throw new UsageError(`--claim expects name=value, got "${pair}"`);
    const name = pair.slice(0, index);
    const raw = pair.slice(index + 1);
    let value: unknown = raw;
    try {
      value = /^[[{\d"]|^(true|false|null)$/.test(raw) ? JSON.parse(raw) : raw;
    } catch {
      value = raw;
    }
    const existing = claims[name];
    claims[name] =
      existing === undefined
        ? value
        : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return claims;
}
