import { describe, expect, it } from 'vitest';

import { REDACTED, redactQueryString, redactString } from './redact-string.js';

describe('redactString', () => {
  it('masks ?code= wherever a URL appears in text, keeping other parameters', () => {
    expect(redactString('fetch https://f.azurewebsites.net/api/x?a=1&code=k&b=2 failed')).toBe(
      `fetch https://f.azurewebsites.net/api/x?a=1&code=${REDACTED}&b=2 failed`,
    );
  });
  it('masks secret-named parameters such as access_token', () => {
    expect(redactString('/cb?access_token=t&state=s')).toBe(`/cb?access_token=${REDACTED}&state=s`);
  });
  it('masks Basic credentials and SAS signatures', () => {
    expect(redactString('Authorization: Basic dXNlcjpwYXNzd29yZA==')).toBe(
      `Authorization: Basic ${REDACTED}`,
    );
    expect(redactString('https://acct.blob.core.windows.net/c/b?sv=2024&sig=abc%2Bdef')).toBe(
      `https://acct.blob.core.windows.net/c/b?sv=2024&sig=${REDACTED}`,
    );
  });
  it('leaves ordinary text alone, including short words after Bearer', () => {
    for (const text of [
      'Handled APIM backend request',
      'status code=500',
      'Bearer tokens',
      'a=b',
    ]) {
      expect(redactString(text)).toBe(text);
    }
  });
});

describe('redactQueryString', () => {
  it('works with and without the leading ?', () => {
    expect(redactQueryString('code=k&page=2')).toBe(`code=${REDACTED}&page=2`);
    expect(redactQueryString('?page=2&code=k')).toBe(`?page=2&code=${REDACTED}`);
  });
});
