import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { parseAllowedTenantIds, readTenantSettings } from './tenant-settings.js';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

describe('parseAllowedTenantIds', () => {
  it('reads comma-separated GUIDs, trimmed and lower-cased (compared case-insensitively)', () => {
    expect([...parseAllowedTenantIds(` ${A.toUpperCase()} , ${B},`)]).toEqual([A, B]);
  });

  it.each([undefined, '', ' , , '])('allows no tenant for %j (fail closed)', (text) => {
    expect(parseAllowedTenantIds(text).size).toBe(0);
  });

  it.each(['contoso.onmicrosoft.com', `${A},common`, `${A};${B}`, `{${A}}`, '*'])(
    'stops with a clear error naming the malformed entry: %s',
    (text) => {
      expect(() => parseAllowedTenantIds(text)).toThrow(
        /ALLOWED_TENANT_IDS must be comma-separated tenant GUIDs/,
      );
    },
  );

  it('accepts a list of GUIDs and refuses a list with anything else in it (property)', () => {
    const guid = fc.uuid().map((value) => ({ value, ok: true }));
    const other = fc
      .string({ minLength: 1 })
      .filter(
        (value) =>
          !value.includes(',') && value.trim() !== '' && !/^[0-9a-f-]{36}$/i.test(value.trim()),
      )
      .map((value) => ({ value, ok: false }));
    fc.assert(
      fc.property(fc.array(fc.oneof(guid, other)), (entries) => {
        const text = entries.map((entry) => entry.value).join(',');
        if (entries.every((entry) => entry.ok))
          expect(parseAllowedTenantIds(text).size).toBeLessThanOrEqual(entries.length);
        else expect(() => parseAllowedTenantIds(text)).toThrow(/ALLOWED_TENANT_IDS/);
      }),
    );
  });
});

describe('readTenantSettings', () => {
  it('needs OIDC_AUDIENCE and defaults the authority to the organizations endpoint', () => {
    expect(() => readTenantSettings({})).toThrow(/OIDC_AUDIENCE/);
    expect(readTenantSettings({ OIDC_AUDIENCE: 'api://x' }).authority).toBe(
      'https://login.microsoftonline.com/organizations/v2.0',
    );
  });
});
