import { encodeClientPrincipal } from '@cookbook/http-kit/auth';
import { invokeRoute } from '@cookbook/http-kit/testing';
import { describe, expect, it } from 'vitest';

import { getAdmin } from './get-admin.js';

const ROLE = 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role';
const principal = (roleTyp: string, claims: { typ: string; val: string }[]): string =>
  encodeClientPrincipal({
    auth_typ: 'aad',
    role_typ: roleTyp,
    claims: [
      { typ: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier', val: 'u-1' },
      ...claims,
    ],
  });
const admin = (header: string) =>
  invokeRoute(getAdmin, { headers: { 'x-ms-client-principal': header } });

describe('GET /api/auth/admin', () => {
  it('welcomes a caller whose role claim (typed role_typ) is admin', async () => {
    const response = await admin(principal(ROLE, [{ typ: ROLE, val: 'admin' }]));
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ message: 'Welcome, admin!', user_id: 'u-1' });
  });

  it('honours a custom role_typ (the Python version ignored it)', async () => {
    expect(
      (await admin(principal('groups-as-roles', [{ typ: 'groups-as-roles', val: 'admin' }])))
        .status,
    ).toBe(200);
    expect((await admin(principal('groups-as-roles', [{ typ: ROLE, val: 'admin' }]))).status).toBe(
      403,
    );
  });

  it('accepts the "roles" claim too', async () => {
    expect((await admin(principal(ROLE, [{ typ: 'roles', val: 'admin' }]))).status).toBe(200);
  });

  it('answers a caller without the role with a 403 problem naming the role', async () => {
    const response = await admin(
      principal(ROLE, [
        { typ: ROLE, val: 'reader' },
        { typ: ROLE, val: 'Admin' },
      ]),
    );
    expect(response.status).toBe(403);
    expect(response.json()).toMatchObject({
      status: 403,
      detail: 'This operation needs one of the roles: admin.',
    });
  });
});
