import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { decodeClientPrincipal, encodeClientPrincipal } from './read-easyauth-principal.js';

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const ROLE = 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role';

describe('decodeClientPrincipal (App Service X-MS-CLIENT-PRINCIPAL)', () => {
  it.each([
    ['missing', undefined, 'missing'],
    ['empty', '', 'missing'],
    ['not base64', 'not base64!!', 'not base64'],
    ['bad padding', 'abc==', 'not base64'],
    ['not UTF-8', Buffer.from([0xff, 0xfe, 0xfd]).toString('base64'), 'not UTF-8'],
    ['not JSON', b64('{nope'), 'not JSON'],
    ['a JSON array', b64('[]'), 'not an object'],
    ['a JSON string', b64('"x"'), 'not an object'],
    ['JSON null', b64('null'), 'not an object'],
    ['claims null', b64('{"auth_typ":"aad","claims":null}'), 'claims not an array'],
    ['claims a number', b64('{"auth_typ":"aad","claims":42}'), 'claims not an array'],
    ['claims missing', b64('{"auth_typ":"aad"}'), 'claims not an array'],
  ])('refuses a header that is %s', (_name, header, error) => {
    expect(decodeClientPrincipal(header)).toEqual({ ok: false, error });
  });

  it('keeps claim types that name Object.prototype members as plain claims (found by a property test)', () => {
    const header = encodeClientPrincipal({
      auth_typ: 'aad',
      role_typ: 'r',
      claims: [
        { typ: 'toString', val: '' },
        { typ: '__proto__', val: 'x' },
        { typ: 'constructor', val: 'y' },
      ],
    });
    const decoded = decodeClientPrincipal(header);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.principal.claims).toEqual({
      toString: '',
      ['__proto__']: 'x',
      constructor: 'y',
    });
    expect(Object.getPrototypeOf(decoded.principal.claims)).toBe(Object.prototype);
  });

  it('takes roles from the principal role_typ plus "roles", name from name_typ', () => {
    const header = encodeClientPrincipal({
      auth_typ: 'aad',
      name_typ: 'name',
      role_typ: 'custom-role',
      claims: [
        { typ: 'custom-role', val: 'admin' },
        { typ: 'roles', val: 'reader' },
        { typ: ROLE, val: 'not-this-principal-role-type' },
        { typ: 'name', val: 'Ada' },
        { typ: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier', val: 'u-1' },
        { typ: 'http://schemas.microsoft.com/identity/claims/tenantid', val: 't-1' },
      ],
    });
    const result = decodeClientPrincipal(header);
    expect(result.ok && result.principal).toMatchObject({
      source: 'easyauth',
      subject: 'u-1',
      name: 'Ada',
      identityProvider: 'aad',
      tenantId: 't-1',
      roles: ['admin', 'reader'],
    });
  });

  it('drops claim entries of the wrong shape and keeps repeated claims as arrays', () => {
    const header = b64(
      JSON.stringify({
        auth_typ: 'aad',
        claims: [
          null,
          3,
          'x',
          { typ: 1, val: 'a' },
          { typ: 'a' },
          { typ: 'g', val: '1' },
          { typ: 'g', val: '2' },
        ],
      }),
    );
    const result = decodeClientPrincipal(header);
    expect(result.ok && result.principal.claims).toEqual({ g: ['1', '2'] });
  });

  it('uses the default role claim type when role_typ is absent or not a string', () => {
    const header = b64(
      JSON.stringify({ auth_typ: 'aad', role_typ: 7, claims: [{ typ: ROLE, val: 'admin' }] }),
    );
    const result = decodeClientPrincipal(header);
    expect(result.ok && result.principal.roles).toEqual(['admin']);
  });

  it('never throws, whatever the header (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map(b64),
          fc.json().map(b64),
          fc.jsonValue().map((v) => b64(JSON.stringify({ claims: v }))),
        ),
        (header) => {
          const result = decodeClientPrincipal(header);
          expect(typeof result.ok).toBe('boolean');
          if (result.ok) expect(Array.isArray(result.principal.roles)).toBe(true);
        },
      ),
    );
  });
});
