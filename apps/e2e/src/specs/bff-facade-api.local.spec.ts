import { expect, test } from '../fixtures.js';
import { expectProblem } from '../support/expect-problem.js';
import { localHostUrl } from '../support/local-recipes.js';

// The local stack starts the recipe's bff-stubs; `<service>-<mode>` in the customer id switches a
// stub for that request only. Breakers are shared by the whole run, so order matters: healthy
// first, the breaker last, and never five failures of one service in a row before it.
const base = localHostUrl('bff-facade-api');
const dashboardUrl = (customerId: string): string =>
  `${base}/api/dashboard?customer_id=${encodeURIComponent(customerId)}`;

interface Dashboard {
  customer_id: string;
  profile: { display_name: string };
  orders: unknown[] | null;
  recommendations: unknown[] | null;
  partial: boolean;
  unavailable: string[];
}

test.describe.configure({ mode: 'serial' });

test('all three services healthy: the whole dashboard, partial false', async ({ anonymous }) => {
  const response = await anonymous.get(dashboardUrl('c-e2e-1'));
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe('private, no-store');
  const body = (await response.json()) as Dashboard;
  expect(body).toMatchObject({ customer_id: 'c-e2e-1', partial: false, unavailable: [] });
  expect(body.orders?.length).toBeGreaterThan(0);
  expect(body.recommendations?.length).toBeGreaterThan(0);
});

test('a 503 the one retry gets past does not degrade anything', async ({ anonymous }) => {
  const body = (await (
    await anonymous.get(dashboardUrl('c-e2e-2-orders-flaky'))
  ).json()) as Dashboard;
  expect(body).toMatchObject({ partial: false, unavailable: [] });
});

for (const [mode, service] of [
  ['hang', 'orders'],
  ['garbage', 'recommendations'],
  ['invalid', 'orders'],
  ['fail', 'recommendations'],
  ['drop', 'orders'],
] as const) {
  test(`${service} ${mode}: a partial 200 without ${service}`, async ({ anonymous }) => {
    const response = await anonymous.get(dashboardUrl(`c-e2e-3-${service}-${mode}`));
    expect(response.status()).toBe(200);
    const body = (await response.json()) as Dashboard;
    expect(body).toMatchObject({ partial: true, unavailable: [service], [service]: null });
    expect(body.profile.display_name).toBeTruthy();
  });
}

test('both optional services down: still a 200, both listed', async ({ anonymous }) => {
  const response = await anonymous.get(dashboardUrl('c-e2e-4-orders-garbage-recommendations-hang'));
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({
    orders: null,
    recommendations: null,
    partial: true,
    unavailable: ['orders', 'recommendations'],
  });
});

for (const [mode, why] of [
  ['fail', 'status, HTTP 503'],
  ['hang', 'timeout'],
  ['garbage', 'invalid-json, HTTP 200'],
] as const) {
  test(`profile ${mode}: a 502 problem naming the profile service (${why})`, async ({
    anonymous,
  }) => {
    const response = await anonymous.get(dashboardUrl(`c-e2e-5-profile-${mode}`));
    const problem = await expectProblem(response, 502);
    expect(problem.detail).toBe(
      `The profile service failed (${why}); a dashboard cannot be built without it.`,
    );
  });
}

test('a customer the profile service does not know is a 404, a bad id a 422', async ({
  anonymous,
}) => {
  await expectProblem(await anonymous.get(dashboardUrl('c-e2e-6-profile-missing')), 404);
  await expectProblem(await anonymous.get(dashboardUrl('not valid')), 422);
  await expectProblem(await anonymous.get(`${base}/api/dashboard`), 422);
});

test('the correlation id comes back, and a traceparent is accepted', async ({ anonymous }) => {
  const response = await anonymous.get(dashboardUrl('c-e2e-7'), {
    headers: {
      'x-correlation-id': 'e2e-bff-correlation',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    },
  });
  expect(response.status()).toBe(200);
  expect(response.headers()['x-correlation-id']).toBe('e2e-bff-correlation');
});

test('the circuit breaker: after repeated failures a healthy stub is not even called', async ({
  anonymous,
}) => {
  for (let i = 0; i < 3; i += 1) await anonymous.get(dashboardUrl(`c-e2e-8-recommendations-fail`));
  // the stub would answer this one: only an open circuit makes it unavailable
  const body = (await (await anonymous.get(dashboardUrl('c-e2e-8'))).json()) as Dashboard;
  expect(body).toMatchObject({ partial: true, unavailable: ['recommendations'] });
});
