import { easyAuth, encodeClientPrincipal } from '@cookbook/http-kit/auth';
import { invokeRoute } from '@cookbook/http-kit/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { tenantStore } from '../tenant-store.js';
import { issuerOf, useMultiTenantIssuer } from '../testing/use-multi-tenant-issuer.js';
import { defineTenantDataRoute, getTenantData } from './get-tenant-data.js';

const A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const OUTSIDER = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const owned = (tenantId: string): string => `owned by ${tenantId.toLowerCase()}`;
tenantStore.add(A, { id: 'a-1', title: owned(A) });
tenantStore.add(B, { id: 'b-1', title: owned(B) });

const dev = useMultiTenantIssuer([A, B.toUpperCase()]);
const bearer = (token: string, extra: Record<string, string> = {}) => ({
  headers: { authorization: `Bearer ${token}`, ...extra },
});

describe('GET /api/tenants/current/data (bearer)', () => {
  it("returns the caller's tenant rows (allow-list compared case-insensitively)", async () => {
    const response = await invokeRoute(getTenantData, bearer(await dev.mint(B)));
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      tenant_id: B,
      user_id: `user-of-${B}`,
      rows: [{ id: 'b-1', title: owned(B) }],
    });
  });

  it('answers a tenant outside the allow-list with a 403 that names nothing internal', async () => {
    const response = await invokeRoute(getTenantData, bearer(await dev.mint(OUTSIDER)));
    expect(response.status).toBe(403);
    expect(response.body).not.toContain(OUTSIDER);
    expect(response.json()).toMatchObject({
      detail: 'Your organization does not have access to this API.',
    });
  });

  it('refuses a token whose iss names another tenant than its tid (401)', async () => {
    const token = await dev.mint(A, { issuer: issuerOf(B) });
    expect((await invokeRoute(getTenantData, bearer(token))).status).toBe(401);
  });

  it('refuses a token without tid (401), and the literal {tenantid} issuer (401)', async () => {
    const noTid = await dev.mint(A, { claims: { tid: undefined } });
    expect((await invokeRoute(getTenantData, bearer(noTid))).status).toBe(401);
    const literal = await dev.mint(A, { issuer: issuerOf('{tenantid}') });
    expect((await invokeRoute(getTenantData, bearer(literal))).status).toBe(401);
  });

  it('takes the tenant from the verified token only, never from the URL or a header', async () => {
    const response = await invokeRoute(getTenantData, {
      ...bearer(await dev.mint(A), { 'x-tenant-id': B, 'x-ms-client-principal': 'e30=' }),
      query: { tenant: B, tid: B },
    });
    expect(response.json()).toMatchObject({ tenant_id: A, rows: [{ id: 'a-1', title: owned(A) }] });
  });

  it("never returns another tenant's rows, whatever the tenants and row ids (property)", async () => {
    const tenant = fc.oneof(fc.constantFrom(A, B, A.toUpperCase()), fc.uuid());
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(A, B),
        tenant,
        fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 5 }),
        async (mine, theirs, ids) => {
          fc.pre(mine.toLowerCase() !== theirs.toLowerCase());
          // Both tenants hold rows with the same ids: only the tenant may tell them apart.
          for (const id of ids) {
            tenantStore.add(theirs, { id, title: owned(theirs) });
            tenantStore.add(mine, { id, title: owned(mine) });
          }
          // The other tenant is named everywhere a client controls: URL, query and headers.
          const response = await invokeRoute(getTenantData, {
            ...bearer(await dev.mint(mine), {
              'x-tenant-id': theirs,
              'x-ms-client-principal': theirs,
            }),
            query: { tenant: theirs, tid: theirs },
          });
          expect(response.status).toBe(200);
          const { tenant_id, rows } = response.json<{
            tenant_id: string;
            rows: { title: string }[];
          }>();
          expect(tenant_id).toBe(mine);
          expect(rows.length).toBeGreaterThan(0);
          for (const row of rows) expect(row.title).toBe(owned(mine));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('GET /api/tenants/current/data (EasyAuth, the one-line switch)', () => {
  const route = defineTenantDataRoute(easyAuth());
  const TID = 'http://schemas.microsoft.com/identity/claims/tenantid';
  const principalHeader = (claims: unknown): string =>
    Buffer.from(JSON.stringify({ auth_typ: 'aad', claims }), 'utf8').toString('base64');

  it("reads the tenant from the principal's tenantid claim", async () => {
    const header = encodeClientPrincipal({ auth_typ: 'aad', claims: [{ typ: TID, val: A }] });
    const response = await invokeRoute(route, { headers: { 'x-ms-client-principal': header } });
    expect(response.json()).toMatchObject({ tenant_id: A });
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['an object', { tid: A }],
  ])('answers claims that are %s with 401, never 500', async (_name, claims) => {
    const response = await invokeRoute(route, {
      headers: { 'x-ms-client-principal': principalHeader(claims) },
    });
    expect(response.status).toBe(401);
  });

  it('answers a principal without a tenant with 403', async () => {
    const response = await invokeRoute(route, {
      headers: { 'x-ms-client-principal': principalHeader([]) },
    });
    expect(response.status).toBe(403);
  });
});
