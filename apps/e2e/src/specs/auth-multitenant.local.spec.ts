import { expect, test } from '../fixtures.js';
import { devToken, localAudience } from '../support/auth-recipes.js';
import { expectProblem } from '../support/expect-problem.js';
import { localHostUrl } from '../support/local-recipes.js';

// Local only: tokens come from the dev issuer (multi-tenant metadata) the recipe's stack started.
const base = localHostUrl('auth-multitenant');
const url = `${base}/api/tenants/current/data`;
const audience = localAudience('auth-multitenant');
const CONTOSO = '11111111-1111-4111-8111-111111111111';
const FABRIKAM = '22222222-2222-4222-8222-222222222222';
const NORTHWIND = '33333333-3333-4333-8333-333333333333';
const issuerOf = (tid: string): string => `https://login.microsoftonline.com/${tid}/v2.0`;
const tokenOf = (tid: string, iss = issuerOf(tid)) =>
  devToken({ audience, issuer: iss, claims: { tid } });
const bearer = (token: string, extra: Record<string, string> = {}) => ({
  headers: { authorization: `Bearer ${token}`, ...extra },
});

test('an allowed tenant sees its own rows, and only those', async ({ anonymous }) => {
  const response = await anonymous.get(url, bearer(await tokenOf(FABRIKAM)));
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { tenant_id: string; rows: { title: string }[] };
  expect(body.tenant_id).toBe(FABRIKAM);
  expect(body.rows.map((row) => row.title)).toEqual(['Fabrikam order 77']);
});

test('the tenant never comes from the URL or a header', async ({ anonymous }) => {
  const response = await anonymous.get(
    `${url}?tenant=${NORTHWIND}&tid=${NORTHWIND}`,
    bearer(await tokenOf(CONTOSO), { 'x-tenant-id': NORTHWIND }),
  );
  expect(response.status()).toBe(200);
  expect(JSON.stringify(await response.json())).not.toContain('Northwind');
});

test('a tenant outside ALLOWED_TENANT_IDS gets a 403 naming nothing internal', async ({
  anonymous,
}) => {
  const response = await anonymous.get(url, bearer(await tokenOf(NORTHWIND)));
  const problem = await expectProblem(response, 403);
  expect(JSON.stringify(problem)).not.toContain(NORTHWIND);
});

test('a token whose iss names another tenant than its tid is a 401 invalid_token', async ({
  anonymous,
}) => {
  const response = await anonymous.get(url, bearer(await tokenOf(CONTOSO, issuerOf(NORTHWIND))));
  await expectProblem(response, 401);
  expect(response.headers()['www-authenticate']).toContain('error="invalid_token"');
});

test('the literal {tenantid} issuer is not accepted', async ({ anonymous }) => {
  const response = await anonymous.get(url, bearer(await tokenOf(CONTOSO, issuerOf('{tenantid}'))));
  await expectProblem(response, 401);
});

test('no token is a 401 with a Bearer challenge', async ({ anonymous }) => {
  const response = await anonymous.get(url);
  await expectProblem(response, 401);
  expect(response.headers()['www-authenticate']).toMatch(/^Bearer /);
});
