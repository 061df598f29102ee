import { encodeClientPrincipal } from '@cookbook/http-kit/auth';
import { invokeRoute } from '@cookbook/http-kit/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { getMe } from './get-me.js';

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const me = (header?: string) =>
  invokeRoute(getMe, header === undefined ? {} : { headers: { 'x-ms-client-principal': header } });

describe('GET /api/auth/me', () => {
  it('returns provider, user id, name (from name_typ), roles (from role_typ and "roles") and claims', async () => {
    const header = encodeClientPrincipal({
      auth_typ: 'aad',
      name_typ: 'preferred_username',
      role_typ: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role',
      claims: [
        { typ: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier', val: 'u-1' },
        { typ: 'preferred_username', val: 'ada@contoso.com' },
        { typ: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role', val: 'admin' },
        { typ: 'roles', val: 'reader' },
      ],
    });
    const response = await me(header);
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({
      identity_provider: 'aad',
      user_id: 'u-1',
      name: 'ada@contoso.com',
      roles: ['admin', 'reader'],
      claims: { preferred_username: 'ada@contoso.com', roles: 'reader' },
    });
  });

  it.each([
    ['missing', undefined],
    ['not base64', '%%%'],
    ['not UTF-8', Buffer.from([0xc3, 0x28]).toString('base64')],
    ['not JSON', b64('{')],
    ['not an object', b64('[1,2]')],
    ['claims not an array', b64('{"auth_typ":"aad","claims":{"typ":"x"}}')],
    ['claims null', b64('{"auth_typ":"aad","claims":null}')],
  ])('answers a principal that is %s with a 401 problem', async (_name, header) => {
    const response = await me(header);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('drops claim entries of the wrong shape instead of failing', async () => {
    const response = await me(
      b64(
        JSON.stringify({
          auth_typ: 'aad',
          claims: [7, null, { typ: 'a' }, { typ: 'ok', val: 'yes' }],
        }),
      ),
    );
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({ claims: { ok: 'yes' }, user_id: 'unknown' });
  });

  it('answers 200 or 401, never a 500, for any header (property)', async () => {
    const header = fc.oneof(
      fc.string(),
      fc.jsonValue().map((value) => b64(JSON.stringify(value))),
      fc.jsonValue().map((claims) => b64(JSON.stringify({ auth_typ: 'aad', claims }))),
      fc
        .array(
          fc.record({
            typ: fc.oneof(fc.string(), fc.integer()),
            val: fc.oneof(fc.string(), fc.constant(null)),
          }),
        )
        .map((claims) => b64(JSON.stringify({ auth_typ: 'aad', role_typ: 'r', claims }))),
    );
    await fc.assert(
      fc.asyncProperty(header, async (value) => {
        expect([200, 401]).toContain((await me(value)).status);
      }),
      { numRuns: 150 },
    );
  });

  it('never writes the principal header to a log line', async () => {
    const header = encodeClientPrincipal({
      auth_typ: 'aad',
      claims: [{ typ: 'name', val: 'secret-name' }],
    });
    for (const value of [header, `${header}!`]) {
      const response = await me(value);
      for (const { message } of response.logs) {
        expect(message).not.toContain(header);
        expect(message).not.toContain('secret-name');
      }
    }
  });
});
