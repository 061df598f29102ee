// Opaque to clients: the id of the last item of the previous page (keyset pagination).
const PREFIX = 'id:';

/** The cursor a `next` link carries after the item with this id. */
export function encodeCursor(lastId: number): string {
  return Buffer.from(`${PREFIX}${lastId}`, 'utf8').toString('base64url');
}

/** The id a cursor points after, or `undefined` when it is not one this API issued. */
export function decodeCursor(cursor: string): number | undefined {
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(cursor)) return undefined;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX) || !/^\d{1,10}$/.test(text.slice(PREFIX.length))) return undefined;
  const id = Number(text.slice(PREFIX.length));
  return id <= 2_147_483_647 && encodeCursor(id) === cursor ? id : undefined;
}
