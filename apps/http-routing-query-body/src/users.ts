import { httpError } from '@cookbook/http-kit';
import * as z from 'zod';

// The users resource: schemas, the in-memory store, ETags and cursors. State lives in this
// module, so it is per instance: each scaled-out instance (and each restart) has its own copy.

/** A user's name: trimmed, 1–100 characters; JSON null is not a name. */
export const NameSchema = z.string().trim().min(1).max(100);

/** An email address, trimmed; a real address check (RFC 5321 length, local@domain.tld). */
export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .regex(z.regexes.email, 'Invalid email address')
  .meta({ format: 'email' });

/** Server-assigned ids: positive integers without leading zeros, as strings. */
export const UserIdSchema = z.string().regex(/^[1-9]\d{0,9}$/, 'Must be a positive whole number');

export const UserSchema = z
  .object({ id: z.string(), name: z.string(), email: z.string() })
  .meta({ id: 'User' });
export type User = z.infer<typeof UserSchema>;

/** Writable fields of a user (what POST and PUT carry); unknown fields are refused. */
export const UserFieldsSchema = z.strictObject({ name: NameSchema, email: EmailSchema });
export type UserFields = z.infer<typeof UserFieldsSchema>;

interface StoredUser {
  readonly user: User;
  readonly version: number;
}

/** `limit` for list and search: exactly one whole number 1–100 (a repeated key fails, see README). */
export function limitSchema(fallback: number) {
  return z
    .string()
    .regex(
      /^\d+$/,
      'Must be one whole number from 1 to 100 (a repeated ?limit= arrives joined, e.g. "5,7")',
    )
    .default(String(fallback))
    .transform(Number)
    .pipe(z.number().int().min(1).max(100));
}

/** The strong ETag of a stored user: its id and version, so every write changes it. */
function etagOf(stored: StoredUser): string {
  return `"${stored.user.id}.${stored.version}"`;
}

/** An opaque page cursor: the last id seen, base64url-encoded so clients do not build their own. */
export function encodeCursor(lastId: string): string {
  return Buffer.from(`after:${lastId}`).toString('base64url');
}

/** The id a cursor points after, or `undefined` when it is not one of ours. */
export function decodeCursor(cursor: string): string | undefined {
  const match = /^after:([1-9]\d{0,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match?.[1];
}

const SEED: readonly User[] = [
  { id: '1', name: 'Ada Lovelace', email: 'ada@example.com' },
  { id: '2', name: 'Grace Hopper', email: 'grace@example.com' },
];

/** The in-memory users of this instance, ordered by numeric id. */
export class UserStore {
  readonly #users = new Map<string, StoredUser>();
  // Ids come from a counter that only grows, so a deleted id is never handed out again.
  #lastId = 0;

  readonly #seed: readonly User[];

  constructor(seed: readonly User[] = SEED) {
    this.#seed = seed;
    this.reset();
  }

  /** Back to the seed users (tests start from here). */
  reset(): void {
    this.#users.clear();
    this.#lastId = 0;
    for (const user of this.#seed) {
      this.#users.set(user.id, { user, version: 1 });
      this.#lastId = Math.max(this.#lastId, Number(user.id));
    }
  }

  #sorted(): User[] {
    return [...this.#users.values()]
      .map((stored) => stored.user)
      .sort((a, b) => Number(a.id) - Number(b.id));
  }

  /** One page after `afterId`; `lastId` is set when more users remain. */
  list(limit: number, afterId?: string): { users: User[]; lastId?: string } {
    const after = afterId === undefined ? 0 : Number(afterId);
    const remaining = this.#sorted().filter((user) => Number(user.id) > after);
    const users = remaining.slice(0, limit);
    const last = users.at(-1);
    return remaining.length > limit && last ? { users, lastId: last.id } : { users };
  }

  /** The user and its ETag, or `undefined`. */
  get(id: string): { user: User; etag: string } | undefined {
    const stored = this.#users.get(id);
    return stored && { user: stored.user, etag: etagOf(stored) };
  }

  /** Creates a user with the next id; a taken email → 409. */
  create(fields: UserFields): { user: User; etag: string } {
    this.#assertEmailFree(fields.email);
    this.#lastId += 1;
    const stored = { user: { id: String(this.#lastId), ...fields }, version: 1 };
    this.#users.set(stored.user.id, stored);
    return { user: stored.user, etag: etagOf(stored) };
  }

  /** Replaces the fields of an existing user (the caller checked it exists); email taken → 409. */
  replace(id: string, fields: UserFields): { user: User; etag: string } {
    const current = this.#users.get(id);
    if (!current) throw httpError('notFound', `No user has the id "${id}".`);
    this.#assertEmailFree(fields.email, id);
    const stored = { user: { id, ...fields }, version: current.version + 1 };
    this.#users.set(id, stored);
    return { user: stored.user, etag: etagOf(stored) };
  }

  /** True when the user existed. */
  delete(id: string): boolean {
    return this.#users.delete(id);
  }

  /** Users whose name or email contains `q` (already lower-cased), ordered by id. */
  search(q: string, limit: number): User[] {
    const matches = this.#sorted().filter(
      (user) => user.name.toLowerCase().includes(q) || user.email.toLowerCase().includes(q),
    );
    return matches.slice(0, limit);
  }

  #assertEmailFree(email: string, exceptId?: string): void {
    const wanted = email.toLowerCase();
    for (const { user } of this.#users.values()) {
      if (user.id !== exceptId && user.email.toLowerCase() === wanted) {
        throw httpError('conflict', `Another user already has the email "${email}".`);
      }
    }
  }
}

/** This instance's users. */
export const users = new UserStore();
