import * as z from 'zod';

import type { Call, CallOutcome } from './downstream-client.js';
import type { Downstreams } from './downstreams.js';

/** The optional parts: the page renders without them. */
export const OptionalPartSchema = z.enum(['orders', 'recommendations']);
export type OptionalPart = z.infer<typeof OptionalPartSchema>;

/** Customer ids as the downstreams know them; validated before any call is made. */
export const CustomerIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'customer_id must be 1-64 characters of A-Z, a-z, 0-9, _ or -');

export const DashboardSchema = z
  .object({
    customer_id: z.string(),
    profile: z.object({
      display_name: z.string(),
      tier: z.enum(['standard', 'silver', 'gold']),
      member_since: z.string(),
    }),
    orders: z
      .array(
        z.object({
          order_id: z.string(),
          status: z.string(),
          total: z.object({ amount: z.string(), currency: z.string() }),
          placed_at: z.string(),
        }),
      )
      .nullable()
      .describe('null when the orders service is unavailable'),
    recommendations: z
      .array(z.object({ sku: z.string(), title: z.string() }))
      .nullable()
      .describe('null when the recommendations service is unavailable'),
    partial: z.boolean().describe('true when an optional part is missing'),
    unavailable: z.array(OptionalPartSchema).describe('the optional parts that are missing'),
  })
  .meta({ id: 'Dashboard' });
export type Dashboard = z.infer<typeof DashboardSchema>;

/** One call as the log line lists it. */
export interface CallRecord {
  readonly dependency: string;
  readonly outcome: CallOutcome<unknown>['outcome'];
  readonly status?: number;
  readonly ms: number;
  readonly attempts: number;
}

/** What the fan-out produced: a dashboard, or why the required profile is missing. */
export type DashboardResult =
  | { readonly kind: 'dashboard'; readonly dashboard: Dashboard }
  | { readonly kind: 'no-such-customer' }
  | { readonly kind: 'profile-failed'; readonly call: Call<unknown> };

const collection = (base: string): string => base.replace(/\/+$/, '');

/**
 * Calls the three services at once (never one after another) and degrades: profile is required,
 * orders and recommendations are optional. Every call is recorded in `calls` for the log line.
 */
export async function loadDashboard(
  customerId: string,
  downstreams: Downstreams,
  headers: Readonly<Record<string, string>>,
  calls: CallRecord[],
): Promise<DashboardResult> {
  const { settings } = downstreams;
  const id = encodeURIComponent(customerId);
  const record = <T>(dependency: string, call: Call<T>): Call<T> => {
    const { outcome, status, ms, attempts } = call;
    calls.push({ dependency, outcome, ...(status === undefined ? {} : { status }), ms, attempts });
    return call;
  };
  // Each client applies its own timeout, retry and breaker; none of them can throw.
  const [profile, orders, recommendations] = await Promise.all([
    downstreams.profile
      .get(`${collection(settings.PROFILE_SERVICE_URL)}/${id}`, headers)
      .then((call) => record('profile', call)),
    downstreams.orders
      .get(`${collection(settings.ORDERS_SERVICE_URL)}?customer_id=${id}&limit=5`, headers)
      .then((call) => record('orders', call)),
    downstreams.recommendations
      .get(`${collection(settings.RECOMMENDATIONS_SERVICE_URL)}?customer_id=${id}&limit=3`, headers)
      .then((call) => record('recommendations', call)),
  ]);

  if (profile.outcome === 'not-found') return { kind: 'no-such-customer' };
  if (profile.outcome !== 'ok') return { kind: 'profile-failed', call: profile };
  // another customer's data is never shown, whatever a downstream (or its cache) answered
  if (profile.value.customer_id !== customerId)
    return { kind: 'profile-failed', call: { ...profile, outcome: 'invalid-body' } };
  const ordersOk = orders.outcome === 'ok' && orders.value.customer_id === customerId;
  const recommendationsOk =
    recommendations.outcome === 'ok' && recommendations.value.customer_id === customerId;
  const unavailable: OptionalPart[] = [];
  if (!ordersOk) unavailable.push('orders');
  if (!recommendationsOk) unavailable.push('recommendations');
  const { display_name, tier, member_since } = profile.value;
  return {
    kind: 'dashboard',
    dashboard: {
      customer_id: customerId,
      profile: { display_name, tier, member_since },
      orders: ordersOk ? orders.value.orders : null,
      recommendations: recommendationsOk ? recommendations.value.items : null,
      partial: unavailable.length > 0,
      unavailable,
    },
  };
}
