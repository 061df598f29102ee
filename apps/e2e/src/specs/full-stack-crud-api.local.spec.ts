import { randomUUID } from 'node:crypto';

import { expect, test } from '../fixtures.js';
import { localHostUrl } from '../support/local-recipes.js';

// No gateway in front: the spec talks to the recipe's local host (PGlite in memory, migrated at start).
const base = localHostUrl('full-stack-crud-api');
const json = { 'content-type': 'application/json' };
const mergePatch = { 'content-type': 'application/merge-patch+json' };

type Item = { id: number; name: string; price: string; version: number };
type Page = { items: Item[]; next: string | null };

test('the full CRUD life cycle: create, read, page, patch, replace, delete', async ({
  anonymous,
}) => {
  // Names unique per run: the stack may be reused between runs.
  const prefix = `e2e-${randomUUID().slice(0, 8)}`;
  const created = await anonymous.post(`${base}/api/items`, {
    headers: json,
    data: { name: `${prefix} towel`, description: 'A towel.', price: '19.90' },
  });
  expect(created.status()).toBe(201);
  const location = created.headers()['location'] ?? '';
  const item = (await created.json()) as Item;
  expect(location).toBe(`/api/items/${item.id}`);
  expect(item).toMatchObject({ price: '19.90', version: 1 });
  const etag = created.headers()['etag'] ?? '';
  expect(etag).toBe(`"${item.id}.1"`);

  const read = await anonymous.get(`${base}${location}`);
  expect(read.status()).toBe(200);
  expect(read.headers()['etag']).toBe(etag);
  const revalidated = await anonymous.get(`${base}${location}`, {
    headers: { 'if-none-match': etag },
  });
  expect(revalidated.status()).toBe(304);

  const second = await anonymous.post(`${base}/api/items`, {
    headers: json,
    data: { name: `${prefix} mug`, description: 'A mug.', price: '12.00' },
  });
  expect(second.status()).toBe(201);

  const first = (await (
    await anonymous.get(`${base}/api/items?limit=1&name_prefix=${prefix}`)
  ).json()) as Page;
  expect(first.items.map((entry) => entry.name)).toEqual([`${prefix} towel`]);
  expect(first.next).toMatch(/^\/api\/items\?limit=1&after=/);
  const rest = (await (await anonymous.get(`${base}${first.next ?? ''}`)).json()) as Page;
  expect(rest).toMatchObject({ items: [{ name: `${prefix} mug` }], next: null });

  const patched = await anonymous.patch(`${base}${location}`, {
    headers: { ...mergePatch, 'if-match': etag },
    data: JSON.stringify({ price: '17.50' }),
  });
  expect(patched.status()).toBe(200);
  const patchedEtag = patched.headers()['etag'] ?? '';
  expect(patchedEtag).toBe(`"${item.id}.2"`);

  const replaced = await anonymous.put(`${base}${location}`, {
    headers: { ...json, 'if-match': patchedEtag },
    data: { name: `${prefix} bath towel`, description: 'A bath towel.', price: '21.00' },
  });
  expect(replaced.status()).toBe(200);
  expect(await replaced.json()).toMatchObject({ name: `${prefix} bath towel`, version: 3 });

  const duplicate = await anonymous.post(`${base}/api/items`, {
    headers: json,
    data: { name: `${prefix} mug`, description: 'Another mug.', price: '1.00' },
  });
  expect(duplicate.status()).toBe(409);
  expect(duplicate.headers()['content-type']).toMatch(/^application\/problem\+json/);

  const stale = await anonymous.delete(`${base}${location}`, { headers: { 'if-match': etag } });
  expect(stale.status()).toBe(412);
  const current = stale.headers()['etag'] ?? '';
  expect(current).toBe(`"${item.id}.3"`);
  expect(
    (await anonymous.delete(`${base}${location}`, { headers: { 'if-match': current } })).status(),
  ).toBe(204);
  const gone = await anonymous.get(`${base}${location}`);
  expect(gone.status()).toBe(404);
  expect(await gone.json()).toMatchObject({
    status: 404,
    detail: `Item ${item.id} does not exist.`,
  });
});

test("two writers with the same ETag: one 200, one 412 with the winner's ETag", async ({
  anonymous,
}) => {
  const name = `e2e-${randomUUID().slice(0, 8)} lamp`;
  const created = await anonymous.post(`${base}/api/items`, {
    headers: json,
    data: { name, description: 'A lamp.', price: '5.00' },
  });
  const location = created.headers()['location'] ?? '';
  const etag = created.headers()['etag'] ?? '';
  const [a, b] = await Promise.all([
    anonymous.patch(`${base}${location}`, {
      headers: { ...mergePatch, 'if-match': etag },
      data: '{"price":"6.00"}',
    }),
    anonymous.put(`${base}${location}`, {
      headers: { ...json, 'if-match': etag },
      data: { name, description: 'A brighter lamp.', price: '7.00' },
    }),
  ]);
  expect([a.status(), b.status()].sort()).toEqual([200, 412]);
  const [winner, loser] = a.status() === 200 ? [a, b] : [b, a];
  expect(loser.headers()['etag']).toBe(winner.headers()['etag']);
  expect(await loser.json()).toMatchObject({ status: 412 });
});

test('bad input is a 4xx problem, never a 500', async ({ anonymous }) => {
  const invalid = await anonymous.post(`${base}/api/items`, {
    headers: json,
    data: { name: '', description: 'x', price: 19.9 },
  });
  expect(invalid.status()).toBe(422);
  const body = (await invalid.json()) as { errors: { pointer: string }[] };
  expect(body.errors.map((error) => error.pointer).sort()).toEqual(['/body/name', '/body/price']);
  expect((await anonymous.get(`${base}/api/items/2147483647`)).status()).toBe(404);
  expect((await anonymous.get(`${base}/api/items/not-a-number`)).status()).toBe(404);
  expect((await anonymous.get(`${base}/api/items?limit=101`)).status()).toBe(422);
  expect(
    (
      await anonymous.put(`${base}/api/items/1`, {
        headers: json,
        data: { name: 'x', description: 'y', price: '1.00' },
      })
    ).status(),
  ).toBeLessThan(500);
  const injected = await anonymous.get(
    `${base}/api/items?name_prefix=${encodeURIComponent("' OR 1=1 --")}`,
  );
  expect(injected.status()).toBe(200);
  expect(await injected.json()).toEqual({ items: [], next: null });
});
