import { PROBLEM_CONTENT_TYPE, ProblemDetailsSchema, problemTypeUri } from '@cookbook/http-kit';
import { invokeRoute } from '@cookbook/http-kit/testing';
import { describe, expect, it, vi } from 'vitest';

import { DashboardSchema } from '../dashboard.js';
import { refusedUrl } from '../testing/local-stubs.js';
import { useStubbedApp } from '../testing/use-stubbed-app.js';
import { getDashboard } from './get-dashboard.js';

const app = useStubbedApp();
const TRACE_PARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

const dashboard = (customerId: string, headers: Record<string, string> = {}) =>
  invokeRoute(getDashboard, {
    query: { customer_id: customerId },
    headers,
    traceParent: TRACE_PARENT,
  });

const servedLine = (logs: readonly { message: string }[]) =>
  logs
    .map((entry) => JSON.parse(entry.message) as Record<string, unknown>)
    .find((line) => line['msg'] === 'Served dashboard');

describe('GET /api/dashboard with every downstream healthy', () => {
  it('aggregates profile, orders and recommendations: partial false, nothing unavailable', async () => {
    const response = await dashboard('c-42');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const body = DashboardSchema.parse(response.json());
    expect(body).toMatchObject({
      customer_id: 'c-42',
      profile: { display_name: 'Ada Lovelace', tier: 'gold' },
      partial: false,
      unavailable: [],
    });
    expect(body.orders).toHaveLength(2);
    expect(body.recommendations).toHaveLength(3);
  });

  it('propagates the correlation id and the W3C traceparent to every downstream call', async () => {
    await dashboard('c-42', { 'x-correlation-id': 'corr-bff-1' });
    const seen = await app.stubs.requests();
    expect(seen.map((request) => request.service).sort()).toEqual([
      'orders',
      'profile',
      'recommendations',
    ]);
    for (const request of seen)
      expect(request).toMatchObject({ correlationId: 'corr-bff-1', traceparent: TRACE_PARENT });
  });

  it('calls the services concurrently, not one after another (the Python version was sequential)', async () => {
    // all three hang, so the last call can only arrive while the other two are still open
    const response = await dashboard('c-42-profile-hang-orders-hang-recommendations-hang');
    expect(response.status).toBe(502);
    const seen = await app.stubs.requests();
    expect(seen).toHaveLength(3);
    expect(Math.max(...seen.map((request) => request.inFlight))).toBe(2);
  });

  it('writes one "Served dashboard" line listing each call with outcome, status, duration and attempts', async () => {
    const response = await dashboard('c-42-recommendations-flaky');
    expect(servedLine(response.logs)).toMatchObject({
      customer_id: 'c-42-recommendations-flaky',
      status: 200,
      unavailable: [],
      correlationId: expect.any(String),
      calls: expect.arrayContaining([
        { dependency: 'profile', outcome: 'ok', status: 200, ms: expect.any(Number), attempts: 1 },
        { dependency: 'orders', outcome: 'ok', status: 200, ms: expect.any(Number), attempts: 1 },
        {
          dependency: 'recommendations',
          outcome: 'ok',
          status: 200,
          ms: expect.any(Number),
          attempts: 2,
        },
      ]),
    });
  });
});

describe('GET /api/dashboard when an optional service fails: a partial 200', () => {
  it.each([
    ['hang', 'timeout'],
    ['slow', 'timeout'],
    ['fail', 'status'],
    ['garbage', 'invalid-json'],
    ['invalid', 'invalid-body'],
    ['drop', 'network'],
    ['missing', 'not-found'],
  ])('orders %s → partial, unavailable ["orders"], logged as %s', async (mode, outcome) => {
    const response = await dashboard(`c-42-orders-${mode}`);
    expect(response.status).toBe(200);
    const body = DashboardSchema.parse(response.json());
    expect(body).toMatchObject({ orders: null, partial: true, unavailable: ['orders'] });
    expect(body.recommendations).toHaveLength(3);
    expect(servedLine(response.logs)).toMatchObject({
      unavailable: ['orders'],
      calls: expect.arrayContaining([expect.objectContaining({ dependency: 'orders', outcome })]),
    });
  });

  it('lists both optional services when both are down', async () => {
    const body = (await dashboard('c-42-orders-fail-recommendations-garbage')).json();
    expect(body).toMatchObject({
      orders: null,
      recommendations: null,
      partial: true,
      unavailable: ['orders', 'recommendations'],
    });
  });

  it('treats a refused connection as unavailable', async () => {
    vi.stubEnv('RECOMMENDATIONS_SERVICE_URL', await refusedUrl('recommendations'));
    expect((await dashboard('c-42')).json()).toMatchObject({
      partial: true,
      unavailable: ['recommendations'],
    });
  });
});

describe('GET /api/dashboard when the profile fails: a 502 problem naming it', () => {
  it.each([
    ['hang', 'timeout'],
    ['fail', 'status, HTTP 503'],
    ['garbage', 'invalid-json, HTTP 200'],
    ['invalid', 'invalid-body, HTTP 200'],
    ['drop', 'network'],
  ])('profile %s → 502 "profile service failed (%s)", no stack trace', async (mode, why) => {
    const response = await dashboard(`c-42-profile-${mode}`);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe(PROBLEM_CONTENT_TYPE);
    const problem = ProblemDetailsSchema.parse(response.json());
    expect(problem).toMatchObject({ type: problemTypeUri('badGateway'), status: 502 });
    expect(problem.detail).toBe(
      `The profile service failed (${why}); a dashboard cannot be built without it.`,
    );
    expect(response.body).not.toMatch(/\bat .+:\d+:\d+|127\.0\.0\.1/);
    expect(servedLine(response.logs)).toMatchObject({ status: 502 });
  });

  it('answers 404 when the profile service knows no such customer', async () => {
    const response = await dashboard('c-42-profile-missing');
    expect(response.status).toBe(404);
    expect(ProblemDetailsSchema.parse(response.json()).type).toBe(problemTypeUri('notFound'));
  });
});

describe('GET /api/dashboard input', () => {
  it.each([['a b'], ['x'.repeat(65)], ['../etc'], ['']])(
    'answers customer_id %j with 422 before calling anything',
    async (customerId) => {
      const response = await dashboard(customerId);
      expect(response.status).toBe(422);
      expect(await app.stubs.requests()).toEqual([]);
    },
  );

  it('answers a missing customer_id with 422', async () => {
    expect((await invokeRoute(getDashboard)).status).toBe(422);
  });
});
