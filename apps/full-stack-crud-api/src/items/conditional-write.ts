import { checkIfMatch, httpError } from '@cookbook/http-kit';

import { type Item, itemEtag } from './item-schemas.js';

/** What a conditional write reads first and then attempts only at the version it read. */
export interface ConditionalWrite<T> {
  read(): Promise<Item | undefined>;
  /** Writes only if the row is still at `version`; `undefined` when another writer got there first. */
  write(version: number): Promise<T | undefined>;
}

function notFound(id: number): never {
  throw httpError('notFound', `Item ${id} does not exist.`);
}

/**
 * If-Match against the current ETag (missing → 428, stale → 412), then a write guarded by
 * `WHERE version = $read`: two writers holding the same ETag cannot both succeed, even between
 * the check and the write.
 */
export async function writeIfMatch<T>(
  id: number,
  ifMatch: string | undefined,
  { read, write }: ConditionalWrite<T>,
): Promise<T> {
  const current = (await read()) ?? notFound(id);
  checkIfMatch(ifMatch, itemEtag(current), { required: true });
  const written = await write(current.version);
  if (written !== undefined) return written;
  // Lost the race after the check: answer as if the request had come a moment later.
  const now = (await read()) ?? notFound(id);
  throw httpError(
    'preconditionFailed',
    'The item changed since you read it (If-Match does not match its ETag); read it again.',
    { headers: { etag: itemEtag(now) } },
  );
}
