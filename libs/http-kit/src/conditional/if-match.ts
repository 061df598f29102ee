import { httpError } from '../errors/http-problem.js';

/** How a write treats a missing `If-Match`: `required` answers 428 (RFC 6585 §3). */
export interface IfMatchOptions {
  readonly required?: boolean;
}

// An entity tag (RFC 9110 §8.8.3): optional W/ prefix, then a quoted string without quotes.
const ENTITY_TAG = /^(W\/)?"[\x21\x23-\x7e\x80-\xff]*"$/;

/** The entity tags of an `If-Match`/`If-None-Match` value; `['*']` for `*`, `undefined` if malformed. */
export function parseEntityTagList(value: string): readonly string[] | undefined {
  const trimmed = value.trim();
  if (trimmed === '*') return ['*'];
  const tags = trimmed
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
  if (tags.length === 0 || !tags.every((tag) => ENTITY_TAG.test(tag))) return undefined;
  return tags;
}

/**
 * Checks a conditional write against the resource's current strong ETag (RFC 9110 §13.1.1):
 * a stale or weak tag → 412, a malformed header → 400, none → 428 when `required`.
 * @example checkIfMatch(request.headers.get('if-match'), userEtag(user), { required: true });
 */
export function checkIfMatch(
  ifMatch: string | null | undefined,
  currentEtag: string,
  options: IfMatchOptions = {},
): void {
  if (ifMatch === null || ifMatch === undefined || ifMatch.trim() === '') {
    if (options.required) {
      throw httpError(
        'preconditionRequired',
        'Send If-Match with the ETag you last read, so a concurrent change is not overwritten.',
      );
    }
    return;
  }
  const tags = parseEntityTagList(ifMatch);
  if (!tags) throw httpError('badRequest', 'If-Match must be "*" or a list of quoted entity tags.');
  // If-Match uses strong comparison: a weak tag never matches.
  if (tags.includes('*') || tags.includes(currentEtag)) return;
  throw httpError(
    'preconditionFailed',
    'The resource changed since you read it (If-Match does not match its ETag); read it again.',
    { headers: { etag: currentEtag } },
  );
}
