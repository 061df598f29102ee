import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { catalogItemEtag, catalogItems, CatalogItemSchema, findCatalogItem } from './catalog.js';

const recipeFile = (name: string) => readFileSync(join(import.meta.dirname, '..', name), 'utf8');

describe('the shipped catalog', () => {
  it('holds valid items with unique ids, including 42', () => {
    for (const item of catalogItems) expect(CatalogItemSchema.parse(item)).toEqual(item);
    const ids = catalogItems.map((item) => item.item_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(findCatalogItem('42')?.name).toBeTruthy();
  });

  it('has no id the health route would take (route literals match case-insensitively)', () => {
    expect(catalogItems.filter((item) => item.item_id.toLowerCase() === 'health')).toEqual([]);
  });

  it('looks ids up case-sensitively and never by prefix', () => {
    expect(findCatalogItem('APIM-FIELD-GUIDE')).toBeUndefined();
    expect(findCatalogItem('4')).toBeUndefined();
  });
});

describe('catalogItemEtag', () => {
  it('is a weak validator (RFC 9110 §8.8.3) derived from the item alone', () => {
    const item = findCatalogItem('42');
    const digest = createHash('sha256').update(JSON.stringify(item)).digest('base64url');
    expect(catalogItemEtag('42')).toBe(`W/"${digest}"`);
    expect(catalogItemEtag('42')).toMatch(/^W\/"[A-Za-z0-9_-]{43}"$/);
    expect(catalogItemEtag('no-such-item')).toBeUndefined();
  });

  it('differs between items', () => {
    const etags = catalogItems.map((item) => catalogItemEtag(item.item_id));
    expect(new Set(etags).size).toBe(catalogItems.length);
  });

  it('matches the value documented in requests.http and the README', () => {
    const etag = catalogItemEtag('42');
    expect(recipeFile('requests.http')).toContain(`If-None-Match: ${etag}`);
    expect(recipeFile('README.md')).toContain(`etag: ${etag}`);
  });
});
