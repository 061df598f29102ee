import { describe, expect, it } from 'vitest';

import { isQueryContainerKey, isSecretKey, isSecretQueryKey } from './secret-keys.js';

describe('isSecretKey', () => {
  it('ignores case, dashes and underscores', () => {
    expect(
      ['OCP-APIM-SUBSCRIPTION-KEY', 'x_functions_key', 'Set-Cookie', 'ClientSecret'].every(
        isSecretKey,
      ),
    ).toBe(true);
  });
  it('gives the same answer from its cache', () => {
    expect(isSecretKey('refresh_token')).toBe(true);
    expect(isSecretKey('refresh_token')).toBe(true);
    expect(isSecretKey('item_id')).toBe(false);
    expect(isSecretKey('item_id')).toBe(false);
  });
});

describe('isSecretQueryKey', () => {
  it('flags the Functions and APIM key parameters and secret-named ones', () => {
    expect(
      ['code', 'CODE', 'subscription-key', 'sig', 'access_token', 'client%5Fsecret'].every(
        isSecretQueryKey,
      ),
    ).toBe(true);
  });
  it('keeps ordinary parameters and survives malformed escapes', () => {
    expect(['page', 'expand', '%E0%A4%A'].some(isSecretQueryKey)).toBe(false);
  });
});

describe('isQueryContainerKey', () => {
  it('recognises the usual names for parsed query strings', () => {
    expect(
      ['query', 'queryString', 'search_params', 'queryParams'].every(isQueryContainerKey),
    ).toBe(true);
    expect(isQueryContainerKey('params')).toBe(false);
  });
});
