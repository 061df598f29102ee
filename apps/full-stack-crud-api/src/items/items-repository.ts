import type { Database } from '../db/database.js';
import type { Item, ItemInput, ItemPatch } from './item-schemas.js';

interface ItemRow {
  id: number;
  name: string;
  description: string;
  price: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

// price::text keeps NUMERIC exact ("19.90") whatever the driver's type parsers do.
const COLUMNS = 'id, name, description, price::text AS price, version, created_at, updated_at';

function toItem(row: ItemRow): Item {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    price: row.price,
    version: row.version,
    created_at: new Date(row.created_at).toISOString(),
    updated_at: new Date(row.updated_at).toISOString(),
  };
}

/** What a list page asks for: up to `limit` items after `afterId`, optionally only names starting with a prefix. */
export interface ListQuery {
  limit: number;
  afterId?: number | undefined;
  namePrefix?: string | undefined;
}

/** Every statement is parameterised: values travel as parameters, never inside the SQL text. */
export function itemsRepository(db: Database) {
  return {
    /** Keyset pagination in id order: `WHERE id > $after` costs the same on page 1 and page 1000. */
    async list({
      limit,
      afterId,
      namePrefix,
    }: ListQuery): Promise<{ items: Item[]; more: boolean }> {
      const rows = await db.query<ItemRow>(
        `SELECT ${COLUMNS} FROM items
         WHERE id > $1 AND ($2::text IS NULL OR starts_with(name, $2::text))
         ORDER BY id LIMIT $3`,
        [afterId ?? 0, namePrefix ?? null, limit + 1],
      );
      return { items: rows.slice(0, limit).map(toItem), more: rows.length > limit };
    },

    async get(id: number): Promise<Item | undefined> {
      const [row] = await db.query<ItemRow>(`SELECT ${COLUMNS} FROM items WHERE id = $1`, [id]);
      return row ? toItem(row) : undefined;
    },

    async create(input: ItemInput): Promise<Item> {
      const [row] = await db.query<ItemRow>(
        `INSERT INTO items (name, description, price) VALUES ($1, $2, $3::numeric) RETURNING ${COLUMNS}`,
        [input.name, input.description, input.price],
      );
      if (!row) throw new Error('INSERT … RETURNING returned no row');
      return toItem(row);
    },

    /** Applies the changes only if the row is still at `version`; `undefined` when it is not (gone or changed). */
    async update(id: number, version: number, changes: ItemPatch): Promise<Item | undefined> {
      const [row] = await db.query<ItemRow>(
        `UPDATE items SET
           name = COALESCE($3, name),
           description = COALESCE($4, description),
           price = COALESCE($5::numeric, price),
           version = version + 1,
           updated_at = now()
         WHERE id = $1 AND version = $2
         RETURNING ${COLUMNS}`,
        [id, version, changes.name ?? null, changes.description ?? null, changes.price ?? null],
      );
      return row ? toItem(row) : undefined;
    },

    /** Deletes the row only if it is still at `version`; false when it is not. */
    async delete(id: number, version: number): Promise<boolean> {
      const rows = await db.query('DELETE FROM items WHERE id = $1 AND version = $2 RETURNING id', [
        id,
        version,
      ]);
      return rows.length === 1;
    },
  };
}
