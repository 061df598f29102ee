import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { catalogItemEtag } from './catalog-item-etag.js';
import { catalogItems } from './catalog-items.js';
import { findCatalogItem } from './find-catalog-item.js';

const recipeFile = (name: string) => readFileSync(join(import.meta.dirname, '../..', name), 'utf8');

describe('catalogItemEtag', () => {
  it('is a weak validator (RFC 9110 §8.8.3) derived from the item alone', () => {
    const item = findCatalogItem('42');
    if (!item) throw new Error('item 42 is missing');
    expect(catalogItemEtag(item)).toMatch(/^W\/"[A-Za-z0-9_-]{43}"$/);
    expect(catalogItemEtag(structuredClone(item))).toBe(catalogItemEtag(item));
    expect(catalogItemEtag({ ...item, in_stock: !item.in_stock })).not.toBe(catalogItemEtag(item));
  });

  it('differs between items', () => {
    const etags = catalogItems.map(catalogItemEtag);
    expect(new Set(etags).size).toBe(catalogItems.length);
  });

  it('matches the value documented in requests.http and the README', () => {
    const item = findCatalogItem('42');
    if (!item) throw new Error('item 42 is missing');
    const etag = catalogItemEtag(item);
    expect(recipeFile('requests.http')).toContain(`If-None-Match: ${etag}`);
    expect(recipeFile('README.md')).toContain(`etag: ${etag}`);
  });
});
