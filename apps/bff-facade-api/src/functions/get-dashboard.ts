import { defineRoute, httpError, type RequestContext } from '@cookbook/http-kit';
import * as z from 'zod';

import { type CallRecord, CustomerIdSchema, DashboardSchema, loadDashboard } from '../dashboard.js';
import { appDownstreams } from '../downstreams.js';

const TRACE_PARENT = /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/** Headers every downstream call carries: the caller's correlation id and this invocation's trace. */
export function downstreamHeaders(context: RequestContext): Record<string, string> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'x-correlation-id': context.correlationId,
  };
  // The invocation's span is the parent of each downstream's server span (W3C Trace Context).
  if (context.traceParent && TRACE_PARENT.test(context.traceParent))
    headers['traceparent'] = context.traceParent;
  return headers;
}

export const getDashboard = defineRoute({
  name: 'getDashboard',
  methods: ['GET'],
  route: 'dashboard',
  authLevel: 'anonymous',
  summary: "A customer's dashboard: profile, recent orders and recommendations",
  description:
    'Fans out to three services at once. Profile is required (502 without it); orders and ' +
    'recommendations are optional: without them the answer is `partial: true` and lists them in `unavailable`.',
  tags: ['Dashboard'],
  // The calls of this request, filled by the handler and written by onResponse.
  context: { calls: (): CallRecord[] => [] },
  request: { query: z.object({ customer_id: CustomerIdSchema }) },
  responses: {
    200: { description: 'The dashboard, complete or partial', schema: DashboardSchema },
    404: { description: 'The profile service knows no such customer' },
    502: { description: 'The profile service failed; the problem names it and why' },
  },
  // Per customer and possibly partial: no shared cache may keep it.
  cache: { cacheControl: 'private, no-store' },
  handler: async ({ query }, { requestContext }) => {
    const customerId = query.customer_id;
    const result = await loadDashboard(
      customerId,
      appDownstreams(),
      downstreamHeaders(requestContext),
      requestContext.calls,
    );
    if (result.kind === 'no-such-customer')
      throw httpError('notFound', `The profile service knows no customer "${customerId}".`);
    if (result.kind === 'profile-failed') {
      const { outcome, status } = result.call;
      const why = status === undefined ? outcome : `${outcome}, HTTP ${status}`;
      throw httpError(
        'badGateway',
        `The profile service failed (${why}); a dashboard cannot be built without it.`,
      );
    }
    return { status: 200, body: result.dashboard };
  },
  // One line per request: each downstream call with its outcome, status, duration and attempts.
  onResponse: ({ query }, status, { requestContext }) => {
    const { calls } = requestContext;
    const unavailable = calls
      .filter((call) => call.dependency !== 'profile' && call.outcome !== 'ok')
      .map((call) => call.dependency);
    requestContext.logger.info(
      { customer_id: query.customer_id, status, unavailable, calls },
      'Served dashboard',
    );
  },
});
