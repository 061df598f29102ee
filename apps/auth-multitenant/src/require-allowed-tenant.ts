import type { ContextExtension } from '@cookbook/http-kit';
import { httpError } from '@cookbook/http-kit';
import type { Principal } from '@cookbook/http-kit/auth';

import { tenantSettings } from './tenant-settings.js';

/**
 * The caller's tenant, from the verified principal only (never the URL or a header), if the
 * allow-list names it; otherwise 403 with a detail that names nothing internal.
 */
export const requireAllowedTenant: ContextExtension<string> = (_request, context) => {
  const { principal } = context as unknown as { principal: Principal };
  const tenantId = principal.tenantId?.toLowerCase();
  if (!tenantId || !tenantSettings().allowedTenantIds.has(tenantId)) {
    context.logger.info(
      { auth: 'tenant', outcome: tenantId ? 'not-allowed' : 'no-tid' },
      'request refused: tenant',
    );
    throw httpError('forbidden', 'Your organization does not have access to this API.');
  }
  return tenantId;
};
