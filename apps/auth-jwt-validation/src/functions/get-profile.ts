import { defineRoute } from '@cookbook/http-kit';
import { bearerAuth } from '@cookbook/http-kit/auth';
import * as z from 'zod';

import { verifyAccessToken } from '../auth-settings.js';

/** A chosen set of claims: never the raw token, never every claim. */
export const ProfileSchema = z.object({
  subject: z.string(),
  name: z.string().nullable(),
  preferred_username: z.string().nullable(),
  tenant_id: z.string().nullable(),
  roles: z.array(z.string()),
  scopes: z.array(z.string()),
  expires_at: z.string().nullable(),
});

const optionalString = (value: unknown): string | null =>
  typeof value === 'string' ? value : null;

/** GET /api/auth/profile → 200 the caller's profile, for any valid token; 401 otherwise. */
export const getProfile = defineRoute({
  name: 'getProfile',
  methods: ['GET'],
  route: 'auth/profile',
  authLevel: 'anonymous',
  summary: 'The caller, from a valid bearer token',
  context: { principal: bearerAuth(verifyAccessToken) },
  responses: {
    200: { description: 'Chosen claims of the verified token', schema: ProfileSchema },
    401: { description: 'No valid bearer token (WWW-Authenticate: Bearer error="invalid_token")' },
    503: { description: 'The signing keys cannot be fetched right now' },
  },
  handler: (_input, { requestContext: { principal } }) => {
    const exp = principal.claims['exp'];
    return {
      status: 200,
      body: {
        subject: principal.subject,
        name: principal.name ?? null,
        preferred_username: optionalString(principal.claims['preferred_username']),
        tenant_id: principal.tenantId ?? null,
        roles: [...principal.roles],
        scopes: [...principal.scopes],
        expires_at: typeof exp === 'number' ? new Date(exp * 1000).toISOString() : null,
      },
    };
  },
});
