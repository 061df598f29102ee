import { invokeRoute } from '@cookbook/http-kit/testing';
import { describe, expect, it } from 'vitest';

import { encodeCursor } from '../items/list-cursor.js';
import { anItem, itemsClient as api } from '../testing/items-client.js';
import { useAppTestDatabase } from '../testing/use-app-test-database.js';
import { listItems } from './list-items.js';

const db = useAppTestDatabase();

type Page = { items: { id: number; name: string }[]; next: string | null };

async function seed(names: readonly string[]): Promise<void> {
  for (const name of names) expect((await api.create(anItem(name))).status).toBe(201);
}

/** Follows `next` links to the end, as a client would. */
async function readAll(first: Readonly<Record<string, string>>): Promise<Page['items'][]> {
  const pages: Page['items'][] = [];
  let query: Record<string, string> | undefined = { ...first };
  while (query) {
    const response = await api.list(query);
    expect(response.status).toBe(200);
    const page = response.json<Page>();
    pages.push(page.items);
    query = page.next
      ? Object.fromEntries(new URL(page.next, 'http://localhost').searchParams)
      : undefined;
  }
  return pages;
}

describe('GET /api/items (keyset pagination)', () => {
  it('pages in id order with a next link, ending with next: null', async () => {
    await seed(['a', 'b', 'c', 'd', 'e']);
    const first = (await api.list({ limit: '2' })).json<Page>();
    expect(first.items.map((item) => item.name)).toEqual(['a', 'b']);
    expect(first.next).toBe(`/api/items?limit=2&after=${encodeCursor(2)}`);
    const pages = await readAll({ limit: '2' });
    expect(pages.map((page) => page.map((item) => item.name))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e'],
    ]);
  });

  it('defaults to 20 and accepts 1–100', async () => {
    await seed(Array.from({ length: 21 }, (_, index) => `item-${index}`));
    expect((await api.list()).json<Page>().items).toHaveLength(20);
    expect((await api.list({ limit: '100' })).json<Page>()).toMatchObject({ next: null });
    for (const limit of ['0', '101', '-1', '1.5', 'ten']) {
      expect((await api.list({ limit })).status, limit).toBe(422);
    }
  });

  it('filters by name prefix, literally (% and _ are not wildcards), and keeps it in next', async () => {
    await seed(['tea cup', 'tea pot', 'teapot', 'coffee', '50% off', '5_0', 'tea tray']);
    const pages = await readAll({ name_prefix: 'tea ', limit: '2' });
    expect(pages.flat().map((item) => item.name)).toEqual(['tea cup', 'tea pot', 'tea tray']);
    const first = (await api.list({ name_prefix: 'tea ', limit: '2' })).json<Page>();
    expect(first.next).toContain('name_prefix=tea+');
    expect((await api.list({ name_prefix: '5%' })).json<Page>().items).toEqual([]);
    expect((await api.list({ name_prefix: '5_' })).json<Page>().items.map((i) => i.name)).toEqual([
      '5_0',
    ]);
  });

  it('never skips or repeats an item when rows are added or removed between pages', async () => {
    await seed(['a', 'b', 'c', 'd']);
    const first = (await api.list({ limit: '2' })).json<Page>();
    await db.current.database.query('DELETE FROM items WHERE id = 1');
    await seed(['e']);
    const rest = await readAll(
      Object.fromEntries(new URL(first.next ?? '', 'http://x').searchParams),
    );
    expect([...first.items, ...rest.flat()].map((item) => item.name)).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
    ]);
  });

  it('answers a cursor it did not issue with 422 at /query/after', async () => {
    for (const after of [
      'abc',
      encodeCursor(1).slice(1),
      Buffer.from('id:-1').toString('base64url'),
      "' OR 1=1 --",
    ]) {
      const response = await api.list({ after });
      expect(response.status, after).toBe(422);
      expect(response.json<{ errors: { pointer: string }[] }>().errors[0]?.pointer).toBe(
        '/query/after',
      );
    }
  });

  it('sends an ETag, so an unchanged page revalidates with 304', async () => {
    await seed(['a']);
    const etag = (await api.list()).headers.get('etag') ?? '';
    expect(etag).toMatch(/^"/);
    expect((await invokeRoute(listItems, { headers: { 'if-none-match': etag } })).status).toBe(304);
  });
});
