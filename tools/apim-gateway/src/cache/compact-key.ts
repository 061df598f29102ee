import { createHash } from 'node:crypto';

const LONGEST_KEPT = 64;

/**
 * A counter key of bounded size: short keys as they are, long ones (a counter-key expression can
 * return a whole header) as a SHA-256 digest. The prefixes keep the two forms from colliding.
 */
export function compactKey(key: string): string {
  if (key.length <= LONGEST_KEPT) return `=${key}`;
  return `#${createHash('sha256').update(key).digest('base64url')}`;
}
