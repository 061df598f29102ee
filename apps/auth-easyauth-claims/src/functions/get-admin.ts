import { defineRoute } from '@cookbook/http-kit';
import { easyAuth } from '@cookbook/http-kit/auth';
import * as z from 'zod';

/** GET /api/auth/admin → 200 for role `admin`; 403 problem for other callers, 401 without a principal. */
export const getAdmin = defineRoute({
  name: 'getAdmin',
  methods: ['GET'],
  route: 'auth/admin',
  authLevel: 'anonymous',
  summary: 'Only for callers with the admin role',
  context: { principal: easyAuth({ anyRole: ['admin'] }) },
  responses: {
    200: {
      description: 'Welcome',
      schema: z.object({ message: z.string(), user_id: z.string() }),
    },
    401: { description: 'No usable client principal' },
    403: { description: 'The caller lacks the admin role' },
  },
  handler: (_input, { requestContext: { principal } }) => ({
    status: 200,
    body: { message: 'Welcome, admin!', user_id: principal.subject },
  }),
});
