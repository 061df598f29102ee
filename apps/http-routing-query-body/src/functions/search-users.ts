import { defineRoute } from '@cookbook/http-kit';
import * as z from 'zod';

import { limitSchema, users, UserSchema } from '../users.js';

export const SearchResultSchema = z
  .object({ q: z.string(), limit: z.number().int(), results: z.array(UserSchema) })
  .meta({ id: 'UserSearchResult' });

/** GET /api/search?q=&limit= → users whose name or email contains q, case-insensitively. */
export const searchUsers = defineRoute({
  name: 'searchUsers',
  methods: ['GET'],
  route: 'search',
  authLevel: 'anonymous',
  summary: 'Search users by name or email',
  tags: ['Users'],
  request: {
    query: z.object({
      q: z
        .string()
        .trim()
        .toLowerCase()
        .max(100)
        .default('')
        .describe('Trimmed, lower-cased, up to 100 characters; empty matches everyone'),
      limit: limitSchema(10).describe('At most this many results, 1–100 (default 10)'),
    }),
  },
  responses: {
    200: { description: 'The matches, ordered by id', schema: SearchResultSchema },
  },
  handler: ({ query: { q, limit } }) => ({
    status: 200,
    body: { q, limit, results: users.search(q, limit) },
  }),
});
