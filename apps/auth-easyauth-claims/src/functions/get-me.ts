import { defineRoute } from '@cookbook/http-kit';
import { easyAuth } from '@cookbook/http-kit/auth';
import * as z from 'zod';

/** The signed-in caller as App Service Authentication describes it. */
export const MeSchema = z.object({
  identity_provider: z.string(),
  user_id: z.string(),
  name: z.string().nullable(),
  roles: z.array(z.string()),
  claims: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
});

/** GET /api/auth/me → 200 the caller; 401 problem without a usable X-MS-CLIENT-PRINCIPAL. */
export const getMe = defineRoute({
  name: 'getMe',
  methods: ['GET'],
  route: 'auth/me',
  authLevel: 'anonymous',
  summary: 'The signed-in caller, from X-MS-CLIENT-PRINCIPAL',
  context: { principal: easyAuth() },
  responses: {
    200: { description: 'The caller, roles and claims', schema: MeSchema },
    401: { description: 'No usable client principal' },
  },
  handler: (_input, { requestContext: { principal } }) => ({
    status: 200,
    body: {
      identity_provider: principal.identityProvider,
      user_id: principal.subject,
      name: principal.name ?? null,
      roles: [...principal.roles],
      // EasyAuth claims are strings; a repeated claim type is an array of its values.
      claims: principal.claims as Record<string, string | string[]>,
    },
  }),
});
