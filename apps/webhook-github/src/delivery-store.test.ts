import { randomUUID } from 'node:crypto';

import { TableClient } from '@azure/data-tables';
import { describe, expect, it } from 'vitest';

import { DEDUP_WINDOW_MS, DELIVERIES_TABLE, DeliveryStore } from './delivery-store.js';
import { useAzurite } from './testing/use-azurite.js';

const azurite = useAzurite();

function table(): TableClient {
  return TableClient.fromConnectionString(azurite.connectionString(), DELIVERIES_TABLE, {
    allowInsecureConnection: true,
  });
}

describe('DeliveryStore on Azure Table Storage (Azurite)', () => {
  it('claims a new delivery once; the same id again is a duplicate', async () => {
    const store = new DeliveryStore(table());
    const id = randomUUID();
    expect(await store.claim(id, 'push')).toBe('new');
    expect(await store.claim(id, 'push')).toBe('duplicate');
    expect(await store.claim(randomUUID(), 'push')).toBe('new');
  });

  it('lets exactly one of two instances (separate clients) win the same delivery at once', async () => {
    const id = randomUUID();
    const claims = await Promise.all([
      new DeliveryStore(table()).claim(id, 'push'),
      new DeliveryStore(table()).claim(id, 'push'),
    ]);
    expect(claims.sort()).toEqual(['duplicate', 'new']);
  });

  it('treats an id older than 24 h as new again, and only one instance takes it over', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const clock = () => now;
    const id = randomUUID();
    expect(await new DeliveryStore(table(), clock).claim(id, 'push')).toBe('new');
    now += DEDUP_WINDOW_MS - 1;
    expect(await new DeliveryStore(table(), clock).claim(id, 'push')).toBe('duplicate');
    now += 2;
    const claims = await Promise.all([
      new DeliveryStore(table(), clock).claim(id, 'push'),
      new DeliveryStore(table(), clock).claim(id, 'push'),
    ]);
    expect(claims.sort()).toEqual(['duplicate', 'new']);
  });

  it('release gives a claim back so a redelivery is processed; releasing twice is harmless', async () => {
    const store = new DeliveryStore(table());
    const id = randomUUID();
    expect(await store.claim(id, 'issues')).toBe('new');
    await store.release(id);
    await store.release(id);
    expect(await store.claim(id, 'issues')).toBe('new');
  });
});
