import { type ContextExtension, defineRoute } from '@cookbook/http-kit';
import { bearerAuth, type Principal } from '@cookbook/http-kit/auth';
import * as z from 'zod';

import { requireAllowedTenant } from '../require-allowed-tenant.js';
import { verifyAccessToken } from '../tenant-settings.js';
import { tenantStore } from '../tenant-store.js';

/** The caller's tenant and its rows, nothing of any other tenant. */
export const TenantDataSchema = z.object({
  tenant_id: z.string(),
  user_id: z.string(),
  rows: z.array(z.object({ id: z.string(), title: z.string() })),
});

/** GET /api/tenants/current/data for a principal source (bearer token here; `easyAuth()` works the same). */
export function defineTenantDataRoute(principal: ContextExtension<Principal>) {
  return defineRoute({
    name: 'getTenantData',
    methods: ['GET'],
    route: 'tenants/current/data',
    authLevel: 'anonymous',
    summary: "The caller's tenant data",
    // Order matters: the tenant check reads the principal verified just before it.
    context: { principal, tenantId: requireAllowedTenant },
    responses: {
      200: { description: "The caller's tenant and its rows", schema: TenantDataSchema },
      401: { description: 'No valid token or principal' },
      403: { description: 'The tenant is not on the allow-list' },
      503: { description: 'The signing keys cannot be fetched right now' },
    },
    handler: (_input, { requestContext }) => ({
      status: 200,
      body: {
        tenant_id: requestContext.tenantId,
        user_id: requestContext.principal.subject,
        rows: [...tenantStore.rowsOf(requestContext.tenantId)],
      },
    }),
  });
}

/** The principal source is this one line: `bearerAuth(verifyAccessToken)` or `easyAuth()`. */
export const getTenantData = defineTenantDataRoute(bearerAuth(verifyAccessToken));
