import type { RequestContext } from '@cookbook/http-kit';

import type { ApimContext } from '../apim-context.js';

/**
 * The recipe's one business log line, with the seed's field names; invocation id, function name,
 * correlation id and trace id come from the log context http-kit opened for this invocation.
 */
export function logHandledRequest(
  itemId: string,
  context: RequestContext & { apim: ApimContext },
  status: number,
): void {
  context.logger.info(
    {
      item_id: itemId,
      routed_by: context.apim.routedBy,
      correlation_id: context.correlationId,
      cache_status: context.apim.cacheStatus,
      status,
    },
    'Handled APIM backend request',
  );
}
