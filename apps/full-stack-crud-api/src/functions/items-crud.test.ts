import { PROBLEM_CONTENT_TYPE } from '@cookbook/http-kit';
import { describe, expect, it } from 'vitest';

import { anItem, itemsClient as api } from '../testing/items-client.js';
import { useAppTestDatabase } from '../testing/use-app-test-database.js';

useAppTestDatabase();

type Problem = { status: number; type: string; errors?: { pointer: string; message: string }[] };

describe('the item life cycle (POST, GET, PUT, PATCH, DELETE)', () => {
  it('creates with 201, Location and ETag, and reads it back with the same ETag', async () => {
    const created = await api.create(anItem('Towel', '19.90'));
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe('/api/items/1');
    expect(created.headers.get('etag')).toBe('"1.1"');
    const item = created.json<Record<string, unknown>>();
    expect(item).toMatchObject({ id: 1, name: 'Towel', price: '19.90', version: 1 });
    expect(item.created_at).toBe(item.updated_at);

    const read = await api.get(1);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1.1"');
    expect(read.json()).toEqual(item);
    expect((await api.get(1, { 'if-none-match': '"1.1"' })).status).toBe(304);
  });

  it('keeps price exact: a decimal string in, the same string out (NUMERIC, never a float)', async () => {
    for (const price of ['0.10', '0.00', '9999999999.99', '1234567.89']) {
      const created = await api.create(anItem(`p${price}`, price));
      expect(created.json()).toMatchObject({ price });
    }
  });

  it('replaces with PUT and If-Match, bumping the version and the ETag', async () => {
    await api.create(anItem('Mug'));
    const replaced = await api.replace(1, anItem('Mug XL', '12.00'), { 'if-match': '"1.1"' });
    expect(replaced.status).toBe(200);
    expect(replaced.headers.get('etag')).toBe('"1.2"');
    expect(replaced.json()).toMatchObject({ name: 'Mug XL', price: '12.00', version: 2 });
  });

  it('patches only the given fields (application/merge-patch+json)', async () => {
    await api.create(anItem('Kettle', '30.00'));
    const patched = await api.patch(1, { price: '25.50' }, { 'if-match': '"1.1"' });
    expect(patched.status).toBe(200);
    expect(patched.json()).toMatchObject({
      name: 'Kettle',
      description: 'The Kettle',
      price: '25.50',
    });
    const plainJson = await api.patch(
      1,
      { price: '1.00' },
      { 'if-match': '"1.2"', 'content-type': 'application/json' },
    );
    expect(plainJson.status).toBe(415);
    expect(plainJson.headers.get('accept-patch')).toBe('application/merge-patch+json');
  });

  it('deletes with If-Match (204), after which the id is a 404 problem', async () => {
    await api.create(anItem('Flask'));
    expect((await api.delete(1, { 'if-match': '"1.1"' })).status).toBe(204);
    const gone = await api.get(1);
    expect(gone.status).toBe(404);
    expect(gone.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
    expect(gone.json()).toMatchObject({ status: 404, detail: 'Item 1 does not exist.' });
  });
});

describe('conflicts', () => {
  it('answers a stale If-Match with 412 and the current ETag, and changes nothing', async () => {
    await api.create(anItem('Lamp'));
    await api.patch(1, { price: '5.00' }, { 'if-match': '"1.1"' });
    for (const stale of [
      () => api.replace(1, anItem('Lamp 2'), { 'if-match': '"1.1"' }),
      () => api.patch(1, { name: 'Lamp 3' }, { 'if-match': '"1.1"' }),
      () => api.delete(1, { 'if-match': '"1.1"' }),
    ]) {
      const response = await stale();
      expect(response.status).toBe(412);
      expect(response.headers.get('etag')).toBe('"1.2"');
    }
    expect((await api.get(1)).json()).toMatchObject({ name: 'Lamp', price: '5.00', version: 2 });
  });

  it('lets exactly one of two writers holding the same ETag win (the other gets 412)', async () => {
    await api.create(anItem('Chair'));
    const writers = await Promise.all([
      api.patch(1, { price: '1.00' }, { 'if-match': '"1.1"' }),
      api.patch(1, { price: '2.00' }, { 'if-match': '"1.1"' }),
      api.replace(1, anItem('Stool'), { 'if-match': '"1.1"' }),
    ]);
    expect(writers.map((response) => response.status).sort()).toEqual([200, 412, 412]);
    expect((await api.get(1)).json()).toMatchObject({ version: 2 });
  });

  it('requires If-Match on writes (428) and refuses a malformed one (400)', async () => {
    await api.create(anItem('Desk'));
    expect((await api.replace(1, anItem('Desk'))).status).toBe(428);
    expect((await api.delete(1)).status).toBe(428);
    expect((await api.delete(1, { 'if-match': 'not-a-tag' })).status).toBe(400);
    expect((await api.delete(1, { 'if-match': 'W/"1.1"' })).status).toBe(412);
    expect((await api.delete(1, { 'if-match': '*' })).status).toBe(204);
  });

  it('answers a taken name with 409, on create, replace and patch', async () => {
    await api.create(anItem('Pen'));
    await api.create(anItem('Pencil'));
    const duplicate = await api.create(anItem('Pen'));
    expect(duplicate.status).toBe(409);
    expect(duplicate.json<Problem>().status).toBe(409);
    expect((await api.replace(2, anItem('Pen'), { 'if-match': '"2.1"' })).status).toBe(409);
    expect((await api.patch(2, { name: 'Pen' }, { 'if-match': '"2.1"' })).status).toBe(409);
    expect((await api.get(2)).json()).toMatchObject({ name: 'Pencil', version: 1 });
  });

  it('answers writes to an unknown id with 404, whatever If-Match says', async () => {
    expect((await api.replace(7, anItem('Ghost'), { 'if-match': '*' })).status).toBe(404);
    expect((await api.patch(7, { name: 'Ghost' }, { 'if-match': '"7.1"' })).status).toBe(404);
    expect((await api.delete(7, { 'if-match': '"7.1"' })).status).toBe(404);
  });
});

describe('validation (422 with JSON Pointers)', () => {
  it('points at every invalid field at once', async () => {
    const response = await api.create({ name: '', description: 'x'.repeat(2001), price: 19.9 });
    expect(response.status).toBe(422);
    const pointers = response
      .json<Problem>()
      .errors?.map((error) => error.pointer)
      .sort();
    expect(pointers).toEqual(['/body/description', '/body/name', '/body/price']);
  });

  it('accepts only decimal strings with two places, never a number', async () => {
    for (const price of [
      '1',
      '1.5',
      '1.555',
      '-1.00',
      '01.00',
      '1e3',
      ' 1.00',
      '10000000000.00',
      'NaN',
    ]) {
      const response = await api.create(anItem(`n${price}`, price));
      expect({ price, status: response.status }).toEqual({ price, status: 422 });
    }
    expect((await api.create({ ...anItem('n'), price: 1.5 })).status).toBe(422);
  });

  it('checks the bounds: name 1–200, description 1–2000', async () => {
    expect((await api.create(anItem('n'.repeat(200)))).status).toBe(201);
    expect((await api.create(anItem('n'.repeat(201)))).status).toBe(422);
    expect((await api.create({ ...anItem('d'), description: 'd'.repeat(2000) })).status).toBe(201);
    expect((await api.create({ ...anItem('   '), description: 'x' })).status).toBe(422);
  });

  it('refuses null in a merge patch (it would remove a required field)', async () => {
    await api.create(anItem('Rug'));
    const response = await api.patch(1, { description: null }, { 'if-match': '"1.1"' });
    expect(response.status).toBe(422);
    expect(response.json<Problem>().errors?.[0]?.pointer).toBe('/body/description');
  });
});
