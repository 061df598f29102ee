import { describe, expect, it } from 'vitest';

import { CatalogItemSchema } from '../schemas/catalog-item.js';
import { catalogItems } from './catalog-items.js';
import { findCatalogItem } from './find-catalog-item.js';

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
