import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { anItem, itemsClient as api } from '../testing/items-client.js';
import { useAppTestDatabase } from '../testing/use-app-test-database.js';

const db = useAppTestDatabase();

// SQL, LIKE and JSON metacharacters, NUL, lone surrogates, RTL and emoji, mixed with anything.
const hostile = fc.oneof(
  fc.constantFrom(
    "'; DROP TABLE items; --",
    "' OR '1'='1",
    '%',
    '_',
    '\\',
    '$1',
    '\u0000',
    '\ud800',
    '\u202e',
    '😀',
    '{"$ne":null}',
    '1.00; DELETE FROM items',
    ' ',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 300 }),
);
// What an HTTP client can put in a header at all: visible ASCII and spaces.
const asHeader = (value: string): string => value.replace(/[^\x20-\x7e]/g, '');

const hostileOrValue = fc.oneof(
  hostile,
  fc.integer(),
  fc.double(),
  fc.constant(null),
  fc.array(hostile, { maxLength: 2 }),
);

describe('hostile strings at every field and filter (parameterised SQL only)', () => {
  it('never answers 5xx, and the canary row and the table survive', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileOrValue,
        hostileOrValue,
        hostileOrValue,
        hostile,
        hostile,
        hostile,
        async (name, description, price, prefix, cursor, ifMatch) => {
          await db.current.reset();
          const canary = (await api.create(anItem('canary', '1.00'))).json();
          const responses = [
            await api.create({ name, description, price }),
            await api.replace(1, { name, description, price }, { 'if-match': '"1.1"' }),
            await api.patch(1, { name, description, price }, { 'if-match': asHeader(ifMatch) }),
            await api.list({ name_prefix: String(prefix), after: String(cursor) }),
            await api.list({ name_prefix: String(prefix), limit: String(name) }),
            await api.get(asHeader(String(name))), // a URL carries no lone surrogate
            await api.delete(1, { 'if-match': asHeader(ifMatch) }),
          ];
          for (const response of responses) expect(response.status).toBeLessThan(500);
          // A write either stored exactly what validation let through, or nothing changed.
          const rows = await db.current.database.query<{ name: string }>(
            'SELECT name FROM items ORDER BY id',
          );
          expect(rows.length).toBeLessThanOrEqual(2);
          const current = await api.get(1);
          if (current.status === 200) {
            const item = current.json<{ name: string; version: number }>();
            if (item.version === 1) expect(current.json()).toEqual(canary);
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 300_000);

  it('stores and returns valid hostile text byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }),
        async (text) => {
          fc.pre(text.trim().length > 0 && !text.includes('\u0000'));
          await db.current.reset();
          const created = await api.create({ name: text, description: text, price: '0.00' });
          expect(created.status).toBe(201);
          const read = (await api.get(1)).json<{ name: string; description: string }>();
          expect(read).toMatchObject({ name: text.trim(), description: text.trim() });
          const found = (await api.list({ name_prefix: text.trim() })).json<{ items: unknown[] }>();
          expect(found.items).toHaveLength(1);
        },
      ),
      { numRuns: 40 },
    );
  }, 300_000);
});
