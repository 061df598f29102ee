import { defineRoute } from '@cookbook/http-kit';
import * as z from 'zod';

/** Liveness answer of the backend, deliberately free of dependencies. */
export const CatalogHealthSchema = z.object({
  status: z.literal('ok'),
  backend: z.literal('functions'),
});

// The name sorts before `getCatalogItem`, so Azure's name-ordered route table tries this first.
export const getCatalogHealth = defineRoute({
  name: 'getCatalogHealth',
  methods: ['GET'],
  route: 'catalog/health',
  authLevel: 'function',
  summary: 'Backend liveness',
  tags: ['Catalog'],
  responses: {
    200: { description: 'The function app answers', schema: CatalogHealthSchema },
  },
  handler: () => ({ status: 200, body: { status: 'ok', backend: 'functions' } }),
});
