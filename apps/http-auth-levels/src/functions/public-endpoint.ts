import { defineRoute } from '@cookbook/http-kit';
import * as z from 'zod';

/** GET /api/public → 200 text/plain; the host lets everyone in (authLevel anonymous). */
export const publicEndpoint = defineRoute({
  name: 'public',
  methods: ['GET'],
  route: 'public',
  authLevel: 'anonymous',
  summary: 'Open to everyone: no key needed',
  tags: ['Auth levels'],
  responses: {
    200: { description: 'Always answered', schema: z.string(), contentType: 'text/plain' },
  },
  handler: () => ({ status: 200, body: 'This endpoint is public (anonymous).' }),
});
