import type { RequestContext } from '@cookbook/http-kit';
import { getLogger } from '@cookbook/logging';

/**
 * The recipe's one business log line, with the seed's field names; invocation id, function name,
 * correlation id and trace id come from the log context http-kit opened for this invocation.
 */
export function logHandledRequest(itemId: string, context: RequestContext, status: number): void {
  getLogger().info(
    {
      item_id: itemId,
      routed_by: context.routedBy,
      correlation_id: context.correlationId,
      cache_status: context.cacheStatus,
      status,
    },
    'Handled APIM backend request',
  );
}
