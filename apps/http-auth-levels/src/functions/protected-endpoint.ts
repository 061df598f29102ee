import { defineRoute } from '@cookbook/http-kit';
import * as z from 'zod';

/** GET /api/protected → 200 text/plain; the host lets in this function's keys, host keys and the master key. */
export const protectedEndpoint = defineRoute({
  name: 'protected',
  methods: ['GET'],
  route: 'protected',
  // the host checks the key before this handler runs; a wrong or missing key never reaches it
  authLevel: 'function',
  summary: 'Needs a function key, a host key or the master key',
  tags: ['Auth levels'],
  responses: {
    200: { description: 'The key was accepted', schema: z.string(), contentType: 'text/plain' },
  },
  handler: () => ({ status: 200, body: 'This endpoint requires a function key.' }),
});
