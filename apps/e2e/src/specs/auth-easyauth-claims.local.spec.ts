import { expect, test } from '../fixtures.js';
import { clientPrincipal } from '../support/auth-recipes.js';
import { expectProblem } from '../support/expect-problem.js';
import { localHostUrl } from '../support/local-recipes.js';

// Local only: on Azure, App Service Authentication strips client-sent X-MS-CLIENT-PRINCIPAL headers.
const base = localHostUrl('auth-easyauth-claims');
const ROLE = 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role';
const NAME_ID = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier';
const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const as = (header: string) => ({ headers: { 'x-ms-client-principal': header } });

const admin = clientPrincipal({
  auth_typ: 'aad',
  name_typ: 'name',
  role_typ: ROLE,
  claims: [
    { typ: NAME_ID, val: 'u-ada' },
    { typ: 'name', val: 'Ada' },
    { typ: ROLE, val: 'admin' },
    { typ: 'roles', val: 'reader' },
  ],
});

test('/me returns the decoded principal, roles from role_typ plus "roles"', async ({
  anonymous,
}) => {
  const response = await anonymous.get(`${base}/api/auth/me`, as(admin));
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({
    identity_provider: 'aad',
    user_id: 'u-ada',
    name: 'Ada',
    roles: ['admin', 'reader'],
  });
});

test('/admin welcomes an admin and refuses anyone else with a 403 problem', async ({
  anonymous,
}) => {
  expect((await anonymous.get(`${base}/api/auth/admin`, as(admin))).status()).toBe(200);
  const reader = clientPrincipal({
    auth_typ: 'aad',
    role_typ: ROLE,
    claims: [{ typ: ROLE, val: 'reader' }],
  });
  await expectProblem(await anonymous.get(`${base}/api/auth/admin`, as(reader)), 403);
});

test('a custom role_typ is honoured', async ({ anonymous }) => {
  const custom = clientPrincipal({
    auth_typ: 'aad',
    role_typ: 'app-roles',
    claims: [{ typ: 'app-roles', val: 'admin' }],
  });
  expect((await anonymous.get(`${base}/api/auth/admin`, as(custom))).status()).toBe(200);
});

test.describe('a header that cannot be a principal is a 401 problem, never a 500', () => {
  const cases: [string, string | undefined][] = [
    ['missing', undefined],
    ['not base64', 'not base64!'],
    ['not UTF-8', Buffer.from([0xff, 0xfe]).toString('base64')],
    ['not JSON', b64('{"auth_typ":')],
    ['not an object', b64('"aad"')],
    ['claims not an array', b64('{"auth_typ":"aad","claims":"admin"}')],
    ['claims null', b64('{"auth_typ":"aad","claims":null}')],
  ];
  for (const [name, header] of cases) {
    test(name, async ({ anonymous }) => {
      const response = await anonymous.get(
        `${base}/api/auth/me`,
        header === undefined ? {} : as(header),
      );
      await expectProblem(response, 401);
    });
  }
});

test('claim entries of the wrong shape are dropped', async ({ anonymous }) => {
  const header = clientPrincipal({
    auth_typ: 'aad',
    claims: [null, 1, { typ: 'x' }, { typ: NAME_ID, val: 'u-1' }],
  });
  const response = await anonymous.get(`${base}/api/auth/me`, as(header));
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ user_id: 'u-1', claims: { [NAME_ID]: 'u-1' } });
});
