import { defineRoute } from '@cookbook/http-kit';
import { bearerAuth } from '@cookbook/http-kit/auth';
import * as z from 'zod';

import { verifyAccessToken } from '../auth-settings.js';

/** The permission this route needs: app role `api.read` (the `roles` array) or delegated scope `api.read` (`scp`). */
export const REQUIRED_PERMISSION = 'api.read';

/** GET /api/auth/protected → 200 with role or scope `api.read`; 403 insufficient_scope without. */
export const getProtected = defineRoute({
  name: 'getProtected',
  methods: ['GET'],
  route: 'auth/protected',
  authLevel: 'anonymous',
  summary: 'A resource that needs the api.read role or scope',
  context: {
    principal: bearerAuth(verifyAccessToken, {
      anyRole: [REQUIRED_PERMISSION],
      anyScope: [REQUIRED_PERMISSION],
    }),
  },
  responses: {
    200: {
      description: 'Access granted',
      schema: z.object({ message: z.string(), subject: z.string() }),
    },
    401: { description: 'No valid bearer token (WWW-Authenticate: Bearer error="invalid_token")' },
    403: {
      description:
        'Valid token without api.read (WWW-Authenticate: Bearer error="insufficient_scope")',
    },
    503: { description: 'The signing keys cannot be fetched right now' },
  },
  handler: (_input, { requestContext: { principal } }) => ({
    status: 200,
    body: { message: 'Access granted to the protected resource.', subject: principal.subject },
  }),
});
