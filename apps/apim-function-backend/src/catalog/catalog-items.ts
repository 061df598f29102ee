import type { CatalogItem } from '../schemas/catalog-item.js';

/** The catalog shipped with the recipe; a real backend would read a store here. */
export const catalogItems: readonly CatalogItem[] = [
  {
    item_id: '42',
    name: 'Towel, hitchhiker grade',
    description:
      'Quick-drying microfibre towel; the most useful thing an interstellar traveller can carry.',
    category: 'travel',
    price: { amount: '19.99', currency: 'EUR' },
    in_stock: true,
    updated_at: '2026-01-15T09:30:00Z',
  },
  {
    item_id: 'apim-field-guide',
    name: 'API Management field guide',
    description: 'Pocket reference for gateway policies: JWT, quotas, caching and error handling.',
    category: 'books',
    price: { amount: '34.50', currency: 'EUR' },
    in_stock: true,
    updated_at: '2026-02-02T14:00:00Z',
  },
  {
    item_id: 'functions-mug',
    name: 'Serverless mug',
    description: 'Stoneware mug that scales to zero when empty.',
    category: 'kitchen',
    price: { amount: '12.00', currency: 'EUR' },
    in_stock: false,
    updated_at: '2026-03-10T08:15:00Z',
  },
  {
    item_id: 'cold-start_kit',
    name: 'Cold start kit',
    description: 'Thermal flask and hand warmers for the first request of the day.',
    category: 'outdoor',
    price: { amount: '27.25', currency: 'EUR' },
    in_stock: true,
    updated_at: '2026-03-28T17:45:00Z',
  },
];
