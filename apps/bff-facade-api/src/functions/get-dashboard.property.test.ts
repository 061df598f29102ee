import { invokeRoute } from '@cookbook/http-kit/testing';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { refusedUrl, startLocalStubs, TEST_SETTINGS } from '../testing/local-stubs.js';
import { getDashboard } from './get-dashboard.js';

const OUTCOMES = [
  'ok',
  'flaky',
  'slow',
  'hang',
  'fail',
  'garbage',
  'invalid',
  'missing',
  'drop',
  'refused',
] as const;
type Outcome = (typeof OUTCOMES)[number];
const SERVICES = ['profile', 'orders', 'recommendations'] as const;
const URL_SETTING = {
  profile: 'PROFILE_SERVICE_URL',
  orders: 'ORDERS_SERVICE_URL',
  recommendations: 'RECOMMENDATIONS_SERVICE_URL',
} as const;
// What the app can use: ok, and a 503 the one retry gets past.
const usable = (outcome: Outcome): boolean => outcome === 'ok' || outcome === 'flaky';

afterEach(() => vi.unstubAllEnvs());

describe('GET /api/dashboard under any combination of downstream outcomes', () => {
  it('never answers 500: 200 (partial exactly when an optional service failed), 404 or 502', async () => {
    const outcome = fc.constantFrom(...OUTCOMES);
    await fc.assert(
      fc.asyncProperty(
        fc.record({ profile: outcome, orders: outcome, recommendations: outcome }),
        async (combination) => {
          // fresh stubs on a new port: new clients, so no circuit is open from an earlier run
          const stubs = await startLocalStubs();
          try {
            const env: Record<string, string> = { ...TEST_SETTINGS, ...stubs.env };
            let customerId = 'c-1';
            for (const service of SERVICES) {
              const chosen = combination[service];
              if (chosen === 'refused') env[URL_SETTING[service]] = await refusedUrl(service);
              else if (chosen !== 'ok') customerId += `-${service}-${chosen}`;
            }
            for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
            const response = await invokeRoute(getDashboard, {
              query: { customer_id: customerId },
            });
            const failedOptional = (['orders', 'recommendations'] as const).filter(
              (service) => !usable(combination[service]),
            );
            if (combination.profile === 'missing') expect(response.status).toBe(404);
            else if (!usable(combination.profile)) {
              expect(response.status).toBe(502);
              expect(response.json()).toMatchObject({ detail: expect.stringContaining('profile') });
            } else {
              expect(response.status).toBe(200);
              expect(response.json()).toMatchObject({
                partial: failedOptional.length > 0,
                unavailable: failedOptional,
              });
            }
          } finally {
            vi.unstubAllEnvs();
            await stubs.close();
          }
        },
      ),
      { numRuns: 30 },
    );
  }, 300_000);
});
