import { describe, expect, it } from 'vitest';

import { redact } from './redact.js';
import { REDACTED, redactString } from './redact-string.js';
import { isSecretKey } from './secret-keys.js';

describe('redact: headers', () => {
  it.each([
    'authorization',
    'Authorization',
    'AUTHORIZATION',
    'cookie',
    'Cookie',
    'set-cookie',
    'Set-Cookie',
    'x-functions-key',
    'X-Functions-Key',
    'ocp-apim-subscription-key',
    'Ocp-Apim-Subscription-Key',
    'proxy-authorization',
  ])(
    'masks the %s header (the Functions host lowercases header names, callers may not)',
    (name) => {
      expect(redact({ headers: { [name]: 'secret-value', accept: 'application/json' } })).toEqual({
        headers: { [name]: REDACTED, accept: 'application/json' },
      });
    },
  );

  it('masks a fetch Headers instance, which JSON would otherwise print as {}', () => {
    const headers = new Headers({ Authorization: 'Bearer abc.def.ghi', 'x-correlation-id': 'c-1' });
    expect(redact({ headers })).toEqual({
      headers: { authorization: REDACTED, 'x-correlation-id': 'c-1' },
    });
  });

  it('masks set-cookie arrays and Map-held headers', () => {
    const headers = new Map([['Set-Cookie', ['a=1', 'b=2']]]);
    expect(redact({ headers })).toEqual({ headers: { 'Set-Cookie': REDACTED } });
  });
});

describe('redact: the code query parameter (Functions keys travel as ?code=)', () => {
  it('masks it in URL strings and keeps other parameters', () => {
    expect(redact({ url: 'https://app.azurewebsites.net/api/items/42?code=abc123==&x=1' })).toEqual(
      {
        url: `https://app.azurewebsites.net/api/items/42?code=${REDACTED}&x=1`,
      },
    );
    expect(redactString('GET /api/items?x=1&CODE=abc#frag')).toBe(
      `GET /api/items?x=1&CODE=${REDACTED}#frag`,
    );
  });

  it('masks it in URL objects, query objects, query strings and URLSearchParams', () => {
    expect(
      redact({
        link: new URL('https://h/api/f?code=k1&page=2'),
        query: { code: 'k2', page: '2' },
        searchParams: new URLSearchParams('code=k3&page=2'),
        queryString: 'code=k4&page=2',
      }),
    ).toEqual({
      link: `https://h/api/f?code=${REDACTED}&page=2`,
      query: { code: REDACTED, page: '2' },
      searchParams: { code: REDACTED, page: '2' },
      queryString: `code=${REDACTED}&page=2`,
    });
  });

  it('masks the APIM subscription-key query parameter too', () => {
    expect(redactString('/api/x?subscription-key=abc')).toBe(`/api/x?subscription-key=${REDACTED}`);
  });

  it('keeps a field named code outside a query (problem+json error codes stay readable)', () => {
    expect(redact({ code: 'VALIDATION_FAILED', status: 400 })).toEqual({
      code: 'VALIDATION_FAILED',
      status: 400,
    });
  });
});

describe('redact: secret-named keys at any depth', () => {
  it.each([
    'password',
    'Password',
    'clientSecret',
    'client_secret',
    'access_token',
    'refreshToken',
    'apiKey',
    'x-api-key',
    'connectionString',
    'AccountKey',
  ])('masks %s', (key) => {
    expect(isSecretKey(key)).toBe(true);
    expect(redact({ a: { b: { c: { [key]: 'v', keep: 1 } } } })).toEqual({
      a: { b: { c: { [key]: REDACTED, keep: 1 } } },
    });
  });

  it('masks whole objects and arrays under a secret key', () => {
    expect(redact({ credentials: { user: 'u', pass: 'p' }, tokens: ['a', 'b'] })).toEqual({
      credentials: REDACTED,
      tokens: REDACTED,
    });
  });

  it('looks inside arrays', () => {
    expect(redact([{ password: 'x' }, { name: 'n' }])).toEqual([
      { password: REDACTED },
      { name: 'n' },
    ]);
  });

  it('does not flag ordinary keys', () => {
    expect(
      ['item_id', 'routed_by', 'cache_status', 'correlationId', 'status'].some(isSecretKey),
    ).toBe(false);
  });
});

describe('redact: text', () => {
  it('masks bearer tokens and connection-string keys in free text', () => {
    expect(redactString('sent Authorization: Bearer eyJhbGciOi.eyJzdWIi.sig')).toBe(
      `sent Authorization: Bearer ${REDACTED}`,
    );
    expect(
      redactString(
        'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc+/==;EndpointSuffix=x',
      ),
    ).toBe(`DefaultEndpointsProtocol=https;AccountName=a;AccountKey=${REDACTED};EndpointSuffix=x`);
  });

  it('masks secrets inside Error messages and stacks', () => {
    const result = redact({ err: new Error('GET https://h/api/f?code=k1 failed') }) as {
      err: { message: string; stack: string; type: string };
    };
    expect(result.err.type).toBe('Error');
    expect(result.err.message).toBe(`GET https://h/api/f?code=${REDACTED} failed`);
    expect(result.err.stack).not.toContain('k1');
  });

  it('masks secrets in an error cause and in fields attached to the error', () => {
    const error = Object.assign(new Error('outer', { cause: new Error('inner ?code=k2') }), {
      request: { headers: { 'x-functions-key': 'k3' } },
    });
    const text = JSON.stringify(redact({ err: error }));
    expect(text).toContain('caused by');
    expect(text).not.toMatch(/k2|k3/);
  });
});

describe('redact: bounds', () => {
  it('stops at the depth bound and fails closed', () => {
    const deep = { l1: { l2: { l3: { password: 'x' } } } };
    expect(redact(deep, { maxDepth: 2 })).toEqual({ l1: { l2: '[Truncated]' } });
  });

  it('marks cycles but keeps repeated (non-circular) references', () => {
    const shared = { v: 1 };
    const cyclic: Record<string, unknown> = { shared, again: shared };
    cyclic.self = cyclic;
    expect(redact(cyclic)).toEqual({ shared: { v: 1 }, again: { v: 1 }, self: '[Circular]' });
  });

  it('summarises binary data instead of dumping it', () => {
    expect(redact({ body: Buffer.from('hello') })).toEqual({ body: '[Buffer 5 bytes]' });
  });

  it('leaves the input untouched', () => {
    const input = { headers: { authorization: 'x' } };
    redact(input);
    expect(input.headers.authorization).toBe('x');
  });
});
