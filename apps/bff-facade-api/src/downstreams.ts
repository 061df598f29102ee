import * as z from 'zod';

import { createDownstreamClient, type DownstreamClient } from './downstream-client.js';
import { type DashboardSettings, readDashboardSettings } from './settings.js';

// What each downstream must answer; anything else counts as unavailable, never as a 500.

/** `GET {PROFILE_SERVICE_URL}/{customer_id}` */
export const ProfileBodySchema = z.object({
  customer_id: z.string(),
  display_name: z.string().min(1).max(200),
  tier: z.enum(['standard', 'silver', 'gold']),
  member_since: z.iso.date(),
});

const MoneySchema = z.object({
  amount: z.string().regex(/^\d{1,10}\.\d{2}$/),
  currency: z.string().regex(/^[A-Z]{3}$/),
});

/** `GET {ORDERS_SERVICE_URL}?customer_id=…&limit=5` */
export const OrdersBodySchema = z.object({
  customer_id: z.string(),
  orders: z
    .array(
      z.object({
        order_id: z.string().min(1).max(64),
        status: z.enum(['placed', 'shipped', 'delivered', 'cancelled']),
        total: MoneySchema,
        placed_at: z.iso.datetime({ offset: true }),
      }),
    )
    .max(50),
});

/** `GET {RECOMMENDATIONS_SERVICE_URL}?customer_id=…&limit=3` */
export const RecommendationsBodySchema = z.object({
  customer_id: z.string(),
  items: z
    .array(z.object({ sku: z.string().min(1).max(64), title: z.string().min(1).max(200) }))
    .max(20),
});

/** The three clients the dashboard fans out to, with the URLs they call. */
export interface Downstreams {
  readonly settings: DashboardSettings;
  readonly profile: DownstreamClient<z.output<typeof ProfileBodySchema>>;
  readonly orders: DownstreamClient<z.output<typeof OrdersBodySchema>>;
  readonly recommendations: DownstreamClient<z.output<typeof RecommendationsBodySchema>>;
}

/** Builds the three clients (and their breakers) from the settings. */
export function createDownstreams(
  settings: DashboardSettings,
  breaker: { breakAfter?: number; halfOpenAfterMs?: number } = {},
): Downstreams {
  const deadlineMs = settings.DASHBOARD_DEADLINE_MS;
  return {
    settings,
    profile: createDownstreamClient({
      name: 'profile',
      schema: ProfileBodySchema,
      timeoutMs: settings.PROFILE_TIMEOUT_MS,
      deadlineMs,
      ...breaker,
    }),
    orders: createDownstreamClient({
      name: 'orders',
      schema: OrdersBodySchema,
      timeoutMs: settings.ORDERS_TIMEOUT_MS,
      deadlineMs,
      ...breaker,
    }),
    recommendations: createDownstreamClient({
      name: 'recommendations',
      schema: RecommendationsBodySchema,
      timeoutMs: settings.RECOMMENDATIONS_TIMEOUT_MS,
      deadlineMs,
      ...breaker,
    }),
  };
}

// Module level, so breakers remember failures across invocations of this instance. Rebuilt only
// when the settings change (tests point the app at fresh stubs; Azure restarts the app instead).
let current: { key: string; downstreams: Downstreams } | undefined;

/** The app's downstream clients for the current app settings, built once and then reused. */
export function appDownstreams(env: NodeJS.ProcessEnv = process.env): Downstreams {
  const key = [
    env['PROFILE_SERVICE_URL'],
    env['ORDERS_SERVICE_URL'],
    env['RECOMMENDATIONS_SERVICE_URL'],
    env['PROFILE_TIMEOUT_MS'],
    env['ORDERS_TIMEOUT_MS'],
    env['RECOMMENDATIONS_TIMEOUT_MS'],
    env['DASHBOARD_DEADLINE_MS'],
  ].join('\n');
  if (current?.key !== key)
    current = { key, downstreams: createDownstreams(readDashboardSettings(env)) };
  return current.downstreams;
}
