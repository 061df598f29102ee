import { timingSafeEqual } from 'node:crypto';

import type { HostKeys } from './host-keys.js';

export type AuthLevel = 'anonymous' | 'function' | 'admin' | 'system';
export type GrantedLevel = 'admin' | 'function' | undefined;

/** The level a presented key grants for one function: master → admin; host or function key → function. */
export function grantedLevel(
  key: string | undefined,
  functionName: string,
  keys: HostKeys,
): GrantedLevel {
  if (!key) return undefined;
  if (sameKey(key, keys.master)) return 'admin';
  const candidates = [
    ...Object.values(keys.host),
    ...Object.values(keys.functions[functionName] ?? {}),
  ];
  return candidates.some((candidate) => sameKey(key, candidate)) ? 'function' : undefined;
}

/** Azure's rule: anonymous always passes, function needs a function/host key, admin the master key. */
export function isAuthorized(required: AuthLevel, granted: GrantedLevel): boolean {
  if (required === 'anonymous') return true;
  if (required === 'function') return granted !== undefined;
  return granted === 'admin';
}

function sameKey(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
