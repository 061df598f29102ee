import { describe, expect, it } from 'vitest';

import { HeaderBag } from '../http/header-bag.js';
import { QueryBag } from '../http/query-bag.js';
import { compileExpression } from './compile-expression.js';
import { ExpressionRuntimeError, ExpressionSyntaxError } from './expression-error.js';
import { compilePolicyValue } from './policy-value.js';
import { type ExpressionScope, JwtValue, type UrlView } from './runtime-types.js';

function url(path: string, query: QueryBag): UrlView {
  return {
    scheme: 'https',
    host: 'gw.local',
    port: 443,
    path,
    query,
    queryString: query.toString() ? `?${query.toString()}` : '',
    toString: () => `https://gw.local${path}`,
  };
}

function scope(overrides: Partial<ExpressionScope> = {}): ExpressionScope {
  const query = QueryBag.parse('a=1&b=x&b=y');
  return {
    requestId: '0f8fad5b-d9cb-469f-a165-70867728950e',
    timestamp: new Date('2026-01-02T03:04:05.000Z'),
    request: {
      method: 'GET',
      url: url('/api/catalog/42', query),
      originalUrl: url('/api/catalog/42', query),
      headers: HeaderBag.from({ Accept: ['application/json', 'text/plain'], 'X-Name': ' Ada ' }),
      ipAddress: '10.0.0.7',
      matchedParameters: new Map([['item_id', '42']]),
    },
    response: {
      statusCode: 200,
      statusReason: 'OK',
      headers: HeaderBag.from({ 'content-type': 'text/plain' }),
    },
    variables: new Map<string, unknown>([
      ['name', 'ada'],
      ['count', 3],
      ['flag', true],
      [
        'jwt',
        new JwtValue({ alg: 'RS256' }, { sub: 'u1', roles: ['reader', 'writer'], scp: 'a b' }),
      ],
    ]),
    subscription: {
      id: 'sub-1',
      key: 'k1',
      name: 'Developer',
      primaryKey: 'k1',
      secondaryKey: 'k2',
    },
    lastError: {
      source: 'validate-jwt',
      reason: 'TokenExpired',
      message: 'expired',
      scope: 'api',
      section: 'inbound',
      path: 'validate-jwt',
      policyId: 'jwt',
    },
    operation: {
      id: 'get-item',
      name: 'get-item',
      method: 'GET',
      urlTemplate: '/catalog/{item_id}',
    },
    api: { id: 'catalog', name: 'Catalog', path: 'api' },
    ...overrides,
  };
}

const run = (source: string, s: ExpressionScope = scope()): unknown =>
  compileExpression(source).evaluate(s);

describe('policy expressions: literals and operators', () => {
  it.each([
    ['"a\\"b"', 'a"b'],
    ["'x'", 'x'],
    ['42', 42],
    ['1.5', 1.5],
    ['true', true],
    ['null', null],
    ['!false', true],
    ['-3 + 5', 2],
    ['10 - 4 - 3', 3],
    ['1 < 2 && 2 <= 2 && 3 > 2 && 3 >= 4 == false', true],
    ['true || false && false', true],
    ['(true || false) && false', false],
    ['"a" + 1 + true', 'a1True'],
    ['1 + 2 + "x"', '3x'],
    ['"a" == "a" && "a" != "b"', true],
    ['null ?? "fallback"', 'fallback'],
    ['1 == 1 ? "yes" : "no"', 'yes'],
    ['false ? 1 : true ? 2 : 3', 2],
  ])('%s evaluates like C#', (source, expected) => {
    expect(run(source)).toEqual(expected);
  });
});

describe('policy expressions: context members', () => {
  it.each([
    ['context.RequestId.ToString()', '0f8fad5b-d9cb-469f-a165-70867728950e'],
    ['context.Request.Method', 'GET'],
    ['context.Request.Url.Path', '/api/catalog/42'],
    ['context.Request.Url.Query.GetValueOrDefault("b", "")', 'x,y'],
    ['context.Request.Url.QueryString', '?a=1&b=x&b=y'],
    ['context.Request.Url.Host + ":" + context.Request.Url.Port', 'gw.local:443'],
    ['context.Request.Headers.GetValueOrDefault("accept", "")', 'application/json,text/plain'],
    ['context.Request.Headers.GetValueOrDefault("missing", "d")', 'd'],
    ['context.Request.Headers.GetValueOrDefault("missing")', null],
    ['context.Request.Headers.ContainsKey("X-NAME")', true],
    ['context.Request.Headers["Accept"][1]', 'text/plain'],
    ['context.Request.IpAddress', '10.0.0.7'],
    ['context.Request.MatchedParameters["item_id"]', '42'],
    ['context.Request.MatchedParameters.GetValueOrDefault("nope", "0")', '0'],
    [
      'context.Subscription.Id + context.Subscription.Key + context.Subscription.Name',
      'sub-1k1Developer',
    ],
    ['context.Response.StatusCode == 200', true],
    ['context.Response.Headers.GetValueOrDefault("Content-Type", "")', 'text/plain'],
    [
      'context.LastError.Source + "/" + context.LastError.Reason + "/" + context.LastError.PolicyId',
      'validate-jwt/TokenExpired/jwt',
    ],
    [
      'context.LastError.Section + context.LastError.Scope + context.LastError.Path',
      'inboundapivalidate-jwt',
    ],
    ['context.Operation.Id', 'get-item'],
    ['context.Api.Path', 'api'],
  ])('%s', (source, expected) => {
    expect(run(source)).toEqual(expected);
  });

  it('context.Subscription is null without a key, so guards work like APIM', () => {
    const s = scope({ subscription: null });
    expect(run('context.Subscription != null ? context.Subscription.Id : "anonymous"', s)).toBe(
      'anonymous',
    );
    expect(run('context.Subscription?.Id ?? "none"', s)).toBe('none');
    expect(() => run('context.Subscription.Id', s)).toThrow(ExpressionRuntimeError);
  });
});

describe('policy expressions: context.Variables', () => {
  it.each([
    ['(string)context.Variables["name"]', 'ada'],
    ['(int)context.Variables["count"] + 1', 4],
    ['(bool)context.Variables["flag"]', true],
    ['context.Variables.GetValueOrDefault<string>("name", "x").ToUpper()', 'ADA'],
    ['context.Variables.GetValueOrDefault<int>("missing")', 0],
    ['context.Variables.GetValueOrDefault<bool>("missing")', false],
    ['context.Variables.GetValueOrDefault("missing", "d")', 'd'],
    ['context.Variables.GetValueOrDefault("name")', 'ada'],
    ['context.Variables.ContainsKey("flag")', true],
    ['context.Variables["name"].ToString()', 'ada'],
    ['context.Variables["name"] == "ada"', true],
  ])('%s', (source, expected) => {
    expect(run(source)).toEqual(expected);
  });

  it('a missing variable via the indexer throws at runtime (KeyNotFoundException)', () => {
    expect(() => run('context.Variables["nope"]')).toThrow(/KeyNotFoundException/);
  });

  it('an invalid cast throws at runtime (InvalidCastException)', () => {
    expect(() => run('(int)context.Variables["name"]')).toThrow(/InvalidCast/);
    expect(() => run('context.Variables.GetValueOrDefault<int>("name")')).toThrow(/InvalidCast/);
  });
});

describe('policy expressions: string helpers and statics', () => {
  it.each([
    ['" Ab ".Trim().ToLower()', 'ab'],
    ['"abc".ToUpperInvariant()', 'ABC'],
    ['"abc".StartsWith("ab") && "abc".EndsWith("bc") && "abc".Contains("b")', true],
    ['"ABC".StartsWith("ab", StringComparison.OrdinalIgnoreCase)', true],
    ['"ABC".Equals("abc", StringComparison.OrdinalIgnoreCase)', true],
    ['"hello".Substring(1, 3)', 'ell'],
    ['"hello".Substring(2)', 'llo'],
    ['"a-b-c".Replace("-", "+")', 'a+b+c'],
    ["\"a,b;c\".Split(',', ';')[2]", 'c'],
    ['"a,b".Split(\',\').Length', 2],
    ['"abc".Length', 3],
    ['"abc".IndexOf("c")', 2],
    ['string.IsNullOrEmpty("")', true],
    ['String.IsNullOrEmpty(context.Request.Headers.GetValueOrDefault("x"))', true],
    ['string.IsNullOrWhiteSpace(" ")', true],
    ['(3).ToString()', '3'],
    ['true.ToString()', 'True'],
  ])('%s', (source, expected) => {
    expect(run(source)).toEqual(expected);
  });

  it('Guid.NewGuid() produces a fresh GUID each time', () => {
    const first = run('Guid.NewGuid().ToString()');
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(run('Guid.NewGuid().ToString()')).not.toBe(first);
  });

  it('DateTime.UtcNow is the current UTC time and supports ToString("o")', () => {
    const value = run('DateTime.UtcNow.ToString("o")') as string;
    expect(Math.abs(Date.parse(value) - Date.now())).toBeLessThan(5_000);
    expect(run('context.Timestamp.ToString("s")')).toBe('2026-01-02T03:04:05');
    expect(run('DateTime.UtcNow > context.Timestamp')).toBe(true);
  });

  it('Substring out of range throws at runtime like .NET', () => {
    expect(() => run('"ab".Substring(1, 5)')).toThrow(/ArgumentOutOfRange/);
  });
});

describe('policy expressions: JWT claims', () => {
  const token = [
    Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url'),
    Buffer.from(JSON.stringify({ sub: 'u2', aud: 'api://x', roles: ['a', 'b'] })).toString(
      'base64url',
    ),
    '',
  ].join('.');

  it('reads claims of a validated token through a (Jwt) cast of output-token-variable-name', () => {
    expect(run('((Jwt)context.Variables["jwt"]).Claims.GetValueOrDefault("roles", "")')).toBe(
      'reader,writer',
    );
    expect(run('((Jwt)context.Variables["jwt"]).Subject')).toBe('u1');
    expect(run('context.Variables.GetValueOrDefault<Jwt>("jwt").Claims.ContainsKey("scp")')).toBe(
      true,
    );
  });

  it('parses the Authorization header with AsJwt() and null-propagates when absent', () => {
    const withHeader = scope();
    withHeader.request = {
      ...withHeader.request,
      headers: HeaderBag.from({ Authorization: `Bearer ${token}` }),
    };
    const source =
      'context.Request.Headers.GetValueOrDefault("Authorization","").AsJwt()?.Claims.GetValueOrDefault("sub", "anon")';
    expect(run(source, withHeader)).toBe('u2');
    expect(run(source)).toBeNull();
    expect(
      run(
        'context.Request.Headers.GetValueOrDefault("Authorization","").AsJwt()?.Subject ?? "anon"',
      ),
    ).toBe('anon');
  });
});

describe('policy expressions: rejected at load time', () => {
  it.each([
    ['context.Request.Body.As<string>()', 'Body'],
    ['context.Foo', 'Foo'],
    ['System.DateTime.UtcNow', 'System'],
    ['new JObject()', 'new'],
    ['$"x{1}"', '$'],
    ['x => x', '=>'],
    ['a = 1', '='],
    ['context.Request.Headers.Select(h => h.Key)', '=>'],
    ['context.Request.Headers.Select(1)', 'Select'],
    ['Regex.IsMatch("a", "b")', 'Regex'],
    ['context.Variables["x"].ToLower()', 'ToLower'],
    ['!context.Variables["flag"]', '!'],
    ['"a" - 1', '-'],
    ['1 && true', '&&'],
    ['"a" < "b"', '<'],
    ['(int)"3"', 'int'],
    ['context.Request.Method(', '<end>'],
    ['"abc".Substring("1")', 'Substring'],
    ['"abc".ToLower', 'ToLower'],
    ['context.Request.Method.Length()', 'Length'],
    ['"x".StartsWith()', 'StartsWith'],
    ['context.Variables.GetValueOrDefault<JObject>("x")', 'JObject'],
    ['context.Request.Headers.GetValueOrDefault<string>("x")', 'string'],
    ['Guid', 'Guid'],
    ['"unterminated', '"unterminated'],
    ['"a\\q"', '\\q'],
    ['1 ? 2 : 3', '?'],
    ['context.Request.Url.Path;', ';'],
  ])('%s is rejected naming %s', (source, token) => {
    let error: unknown;
    try {
      compileExpression(source);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ExpressionSyntaxError);
    expect((error as ExpressionSyntaxError).token).toBe(token);
  });
});

describe('policy values', () => {
  it('treats a whole @(...) as an expression and anything else as literal text', () => {
    expect(compilePolicyValue('@(1 + 1)').evaluate(scope())).toBe(2);
    expect(compilePolicyValue('  plain text ').evaluate(scope())).toBe('  plain text ');
    expect(compilePolicyValue('@{ return "x".ToUpper(); }').evaluate(scope())).toBe('X');
  });

  it('rejects multi-statement blocks and embedded expressions', () => {
    expect(() => compilePolicyValue('@{ var a = 1; return a; }')).toThrow(
      /multi-statement|statements/,
    );
    expect(() => compilePolicyValue('Bearer @(context.RequestId)')).toThrow(/entire value/);
  });
});
