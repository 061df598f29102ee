import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod';

import { safeParse } from './safe-parse.js';

const Item = z.object({
  id: z.string().regex(/^[a-z]+$/),
  price: z.object({ amount: z.number().int(), currency: z.enum(['EUR', 'USD']) }),
  note: z.string().optional(),
});

describe('safeParse', () => {
  it('interprets the first parse of a schema and leaves later ones to zod (compiled)', () => {
    const schema = z.object({ id: z.string() });
    const spy = vi.spyOn(schema, 'safeParse');
    safeParse(schema, { id: 'a' });
    safeParse(schema, { id: 'b' });
    expect(spy.mock.calls).toEqual([[{ id: 'a' }, { jitless: true }], [{ id: 'b' }]]);
  });

  it('gives the same data and issues on the first (interpreted) and later parses', () => {
    const valid = { id: 'abc', price: { amount: 3, currency: 'EUR' }, extra: 1 };
    const invalid = { id: 'ABC', price: { amount: 1.5, currency: 'GBP' } };
    const firstValid = safeParse(Item, valid);
    const firstInvalid = safeParse(Item.extend({}), invalid);
    expect(firstValid).toEqual(Item.safeParse(valid));
    expect(firstValid.data).toEqual({ id: 'abc', price: { amount: 3, currency: 'EUR' } });
    expect(firstInvalid.success).toBe(false);
    expect(firstInvalid.error?.issues).toEqual(Item.safeParse(invalid).error?.issues);
    expect(safeParse(Item, valid)).toEqual(firstValid);
  });
});
