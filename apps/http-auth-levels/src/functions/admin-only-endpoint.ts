import { defineRoute } from '@cookbook/http-kit';
import * as z from 'zod';

/** GET /api/admin-only → 200 text/plain; the host lets in the master key only. */
export const adminOnlyEndpoint = defineRoute({
  name: 'adminOnly',
  methods: ['GET'],
  route: 'admin-only',
  authLevel: 'admin',
  summary: 'Needs the master key',
  tags: ['Auth levels'],
  responses: {
    200: {
      description: 'The master key was accepted',
      schema: z.string(),
      contentType: 'text/plain',
    },
  },
  handler: () => ({ status: 200, body: 'This endpoint requires the admin/master key.' }),
});
