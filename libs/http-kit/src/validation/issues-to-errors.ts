import type * as z from 'zod';

import type { ProblemFieldError } from '../errors/problem-details.js';

const MAX_ERRORS = 50;
const MAX_MESSAGE = 300;

function escapeToken(token: PropertyKey): string {
  return String(token).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** RFC 6901 JSON Pointer for a path, e.g. `['body', 'items', 0]` → `/body/items/0`. */
export function toJsonPointer(path: readonly PropertyKey[]): string {
  return path.map((token) => `/${escapeToken(token)}`).join('');
}

/** zod issues → problem `errors`, each with a JSON Pointer below `part` (`params`, `body`...). */
export function issuesToErrors(
  part: string,
  issues: readonly z.core.$ZodIssue[],
): ProblemFieldError[] {
  const errors: ProblemFieldError[] = [];
  for (const issue of issues) {
    const path = [part, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({ pointer: toJsonPointer([...path, key]), message: 'Unrecognized key' });
      }
    } else {
      errors.push({ pointer: toJsonPointer(path), message: issue.message.slice(0, MAX_MESSAGE) });
    }
  }
  return errors.slice(0, MAX_ERRORS);
}
