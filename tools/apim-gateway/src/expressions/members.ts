import { ExpressionRuntimeError } from './expression-error.js';
import { convertTo, defaultOf, joinValues, toDotNetString } from './runtime-helpers.js';
import type {
  ApiView,
  ExpressionScope,
  LastErrorView,
  MultiValueView,
  OperationView,
  RequestView,
  ResponseView,
  SubscriptionView,
  UrlView,
} from './runtime-types.js';
import { JwtValue } from './runtime-types.js';
import type { IndexerDef, MemberDef, MethodDef, PropertyDef, TypeName } from './type-system.js';

function prop<T>(type: TypeName, get: (target: T) => unknown): PropertyDef {
  return { kind: 'property', type, get: get as (target: never) => unknown };
}

function method<T>(
  params: TypeName[],
  required: number,
  returns: TypeName | ((typeArgument: TypeName | undefined) => TypeName),
  call: (target: T, args: unknown[], typeArgument: TypeName | undefined) => unknown,
  options: { variadic?: boolean; typeArguments?: boolean } = {},
): MethodDef {
  return {
    kind: 'method',
    params,
    required,
    ...options,
    returns: typeof returns === 'function' ? returns : () => returns,
    call: call as MethodDef['call'],
  };
}

const toStringMember = method<unknown>([], 0, 'string', (t) => toDotNetString(t));
const equalsMember = method<unknown>(['object'], 1, 'bool', (t, [other]) => t === other);

const multimapMembers: Record<string, MemberDef> = {
  GetValueOrDefault: method<MultiValueView>(
    ['string', 'string'],
    1,
    'string',
    (t, [name, fallback]) => joinValues(t.values(String(name)), fallback ?? null),
  ),
  ContainsKey: method<MultiValueView>(
    ['string'],
    1,
    'bool',
    (t, [name]) => t.values(String(name)) !== undefined,
  ),
};

function compare(comparison: unknown): (a: string, b: string) => [string, string] {
  const ignoreCase = typeof comparison === 'string' && comparison.endsWith('IgnoreCase');
  return (a, b) => (ignoreCase ? [a.toLowerCase(), b.toLowerCase()] : [a, b]);
}

function requireString(value: unknown, method: string): string {
  if (typeof value !== 'string') throw new ExpressionRuntimeError(`${method}: argument is null`);
  return value;
}

export const MEMBERS: Partial<Record<TypeName, Record<string, MemberDef>>> = {
  context: {
    RequestId: prop<ExpressionScope>('guid', (c) => c.requestId),
    Timestamp: prop<ExpressionScope>('datetime', (c) => c.timestamp),
    Request: prop<ExpressionScope>('request', (c) => c.request),
    Response: prop<ExpressionScope>('response', (c) => c.response ?? null),
    Variables: prop<ExpressionScope>('variables', (c) => c.variables),
    Subscription: prop<ExpressionScope>('subscription', (c) => c.subscription),
    LastError: prop<ExpressionScope>('lastError', (c) => c.lastError ?? null),
    Operation: prop<ExpressionScope>('operation', (c) => c.operation),
    Api: prop<ExpressionScope>('api', (c) => c.api),
  },
  request: {
    Method: prop<RequestView>('string', (r) => r.method),
    Url: prop<RequestView>('url', (r) => r.url),
    OriginalUrl: prop<RequestView>('url', (r) => r.originalUrl),
    Headers: prop<RequestView>('multimap', (r) => r.headers),
    IpAddress: prop<RequestView>('string', (r) => r.ipAddress),
    MatchedParameters: prop<RequestView>('params', (r) => r.matchedParameters),
  },
  response: {
    StatusCode: prop<ResponseView>('number', (r) => r.statusCode),
    StatusReason: prop<ResponseView>('string', (r) => r.statusReason),
    Headers: prop<ResponseView>('multimap', (r) => r.headers),
  },
  url: {
    Scheme: prop<UrlView>('string', (u) => u.scheme),
    Host: prop<UrlView>('string', (u) => u.host),
    Port: prop<UrlView>('number', (u) => u.port),
    Path: prop<UrlView>('string', (u) => u.path),
    Query: prop<UrlView>('multimap', (u) => u.query),
    QueryString: prop<UrlView>('string', (u) => u.queryString),
    ToString: method<UrlView>([], 0, 'string', (u) => u.toString()),
  },
  multimap: multimapMembers,
  params: {
    GetValueOrDefault: method<ReadonlyMap<string, string>>(
      ['string', 'string'],
      1,
      'string',
      (t, [name, fallback]) => t.get(String(name)) ?? fallback ?? null,
    ),
    ContainsKey: method<ReadonlyMap<string, string>>(['string'], 1, 'bool', (t, [name]) =>
      t.has(String(name)),
    ),
  },
  variables: {
    GetValueOrDefault: method<Map<string, unknown>>(
      ['string', 'object'],
      1,
      (typeArgument) => typeArgument ?? 'object',
      (t, [name, fallback], typeArgument) => {
        if (!t.has(String(name)))
          return fallback === undefined ? defaultOf(typeArgument) : fallback;
        const value = t.get(String(name));
        return typeArgument ? convertTo(typeArgument, value) : value;
      },
      { typeArguments: true },
    ),
    ContainsKey: method<Map<string, unknown>>(['string'], 1, 'bool', (t, [name]) =>
      t.has(String(name)),
    ),
  },
  subscription: {
    Id: prop<SubscriptionView>('string', (s) => s.id),
    Key: prop<SubscriptionView>('string', (s) => s.key),
    Name: prop<SubscriptionView>('string', (s) => s.name),
    PrimaryKey: prop<SubscriptionView>('string', (s) => s.primaryKey),
    SecondaryKey: prop<SubscriptionView>('string', (s) => s.secondaryKey),
  },
  lastError: {
    Source: prop<LastErrorView>('string', (e) => e.source),
    Reason: prop<LastErrorView>('string', (e) => e.reason),
    Message: prop<LastErrorView>('string', (e) => e.message),
    Scope: prop<LastErrorView>('string', (e) => e.scope),
    Section: prop<LastErrorView>('string', (e) => e.section),
    Path: prop<LastErrorView>('string', (e) => e.path),
    PolicyId: prop<LastErrorView>('string', (e) => e.policyId),
  },
  operation: {
    Id: prop<OperationView>('string', (o) => o.id),
    Name: prop<OperationView>('string', (o) => o.name),
    Method: prop<OperationView>('string', (o) => o.method),
    UrlTemplate: prop<OperationView>('string', (o) => o.urlTemplate),
  },
  api: {
    Id: prop<ApiView>('string', (a) => a.id),
    Name: prop<ApiView>('string', (a) => a.name),
    Path: prop<ApiView>('string', (a) => a.path),
  },
  jwt: {
    Claims: prop<JwtValue>('claims', (j) => j),
    Subject: prop<JwtValue>('string', (j) => j.claimValues('sub')?.[0] ?? null),
    Issuer: prop<JwtValue>('string', (j) => j.claimValues('iss')?.[0] ?? null),
    Id: prop<JwtValue>('string', (j) => j.claimValues('jti')?.[0] ?? null),
    Audiences: prop<JwtValue>('stringArray', (j) => j.claimValues('aud') ?? []),
  },
  claims: {
    GetValueOrDefault: method<JwtValue>(['string', 'string'], 1, 'string', (j, [name, fallback]) =>
      joinValues(j.claimValues(String(name)), fallback ?? null),
    ),
    ContainsKey: method<JwtValue>(
      ['string'],
      1,
      'bool',
      (j, [name]) => j.claimValues(String(name)) !== undefined,
    ),
  },
  string: {
    Length: prop<string>('number', (s) => s.length),
    ToString: toStringMember,
    ToLower: method<string>([], 0, 'string', (s) => s.toLowerCase()),
    ToLowerInvariant: method<string>([], 0, 'string', (s) => s.toLowerCase()),
    ToUpper: method<string>([], 0, 'string', (s) => s.toUpperCase()),
    ToUpperInvariant: method<string>([], 0, 'string', (s) => s.toUpperCase()),
    Trim: method<string>([], 0, 'string', (s) => s.trim()),
    TrimStart: method<string>([], 0, 'string', (s) => s.trimStart()),
    TrimEnd: method<string>([], 0, 'string', (s) => s.trimEnd()),
    StartsWith: method<string>(['string', 'stringComparison'], 1, 'bool', (s, [v, c]) => {
      const [a, b] = compare(c)(s, requireString(v, 'StartsWith'));
      return a.startsWith(b);
    }),
    EndsWith: method<string>(['string', 'stringComparison'], 1, 'bool', (s, [v, c]) => {
      const [a, b] = compare(c)(s, requireString(v, 'EndsWith'));
      return a.endsWith(b);
    }),
    Contains: method<string>(['string', 'stringComparison'], 1, 'bool', (s, [v, c]) => {
      const [a, b] = compare(c)(s, requireString(v, 'Contains'));
      return a.includes(b);
    }),
    Equals: method<string>(['string', 'stringComparison'], 1, 'bool', (s, [v, c]) => {
      if (typeof v !== 'string') return false;
      const [a, b] = compare(c)(s, v);
      return a === b;
    }),
    IndexOf: method<string>(['string'], 1, 'number', (s, [v]) =>
      s.indexOf(requireString(v, 'IndexOf')),
    ),
    Substring: method<string>(['number', 'number'], 1, 'string', (s, [start, length]) => {
      const from = Number(start);
      const count = length === undefined ? s.length - from : Number(length);
      if (from < 0 || count < 0 || from + count > s.length) {
        throw new ExpressionRuntimeError('Substring: ArgumentOutOfRangeException');
      }
      return s.substr(from, count);
    }),
    Replace: method<string>(['string', 'string'], 2, 'string', (s, [from, to]) =>
      s.split(requireString(from, 'Replace')).join(typeof to === 'string' ? to : ''),
    ),
    Split: method<string>(
      ['string'],
      1,
      'stringArray',
      (s, separators) => {
        const parts = separators.map((sep) => requireString(sep, 'Split'));
        return parts.reduce<string[]>((pieces, sep) => pieces.flatMap((p) => p.split(sep)), [s]);
      },
      { variadic: true },
    ),
    AsJwt: method<string>([], 0, 'jwt', (s) => parseJwtOrNull(s)),
  },
  stringArray: {
    Length: prop<string[]>('number', (a) => a.length),
    Contains: method<string[]>(['string'], 1, 'bool', (a, [v]) => a.includes(String(v))),
  },
  number: { ToString: toStringMember, Equals: equalsMember },
  bool: { ToString: toStringMember, Equals: equalsMember },
  guid: { ToString: toStringMember, Equals: equalsMember },
  object: { ToString: toStringMember, Equals: equalsMember },
  datetime: {
    ToString: method<Date>(['string'], 0, 'string', (d, [format]) => formatDate(d, format)),
    Ticks: prop<Date>('number', (d) => d.getTime() * 10_000 + 621_355_968_000_000_000),
  },
  'static:string': {
    IsNullOrEmpty: method<unknown>(['string'], 1, 'bool', (_t, [v]) => v === null || v === ''),
    IsNullOrWhiteSpace: method<unknown>(
      ['string'],
      1,
      'bool',
      (_t, [v]) => v === null || String(v).trim() === '',
    ),
  },
  'static:Guid': {
    NewGuid: method<unknown>([], 0, 'guid', () => crypto.randomUUID()),
  },
  'static:DateTime': {
    UtcNow: prop<unknown>('datetime', () => new Date()),
    Now: prop<unknown>('datetime', () => new Date()),
  },
  'static:StringComparison': {
    Ordinal: prop<unknown>('stringComparison', () => 'Ordinal'),
    OrdinalIgnoreCase: prop<unknown>('stringComparison', () => 'OrdinalIgnoreCase'),
    InvariantCultureIgnoreCase: prop<unknown>(
      'stringComparison',
      () => 'InvariantCultureIgnoreCase',
    ),
    CurrentCultureIgnoreCase: prop<unknown>('stringComparison', () => 'CurrentCultureIgnoreCase'),
  },
};

export const INDEXERS: Partial<Record<TypeName, IndexerDef>> = {
  variables: {
    index: 'string',
    returns: 'object',
    get: ((t: Map<string, unknown>, name: string) => {
      if (!t.has(name))
        throw new ExpressionRuntimeError(`KeyNotFoundException: variable '${name}' is not set`);
      return t.get(name);
    }) as IndexerDef['get'],
  },
  params: {
    index: 'string',
    returns: 'string',
    get: ((t: ReadonlyMap<string, string>, name: string) => {
      const value = t.get(name);
      if (value === undefined)
        throw new ExpressionRuntimeError(`KeyNotFoundException: parameter '${name}'`);
      return value;
    }) as IndexerDef['get'],
  },
  multimap: {
    index: 'string',
    returns: 'stringArray',
    get: ((t: MultiValueView, name: string) => {
      const values = t.values(name);
      if (values === undefined) throw new ExpressionRuntimeError(`KeyNotFoundException: '${name}'`);
      return values;
    }) as IndexerDef['get'],
  },
  claims: {
    index: 'string',
    returns: 'stringArray',
    get: ((t: JwtValue, name: string) => {
      const values = t.claimValues(name);
      if (values === undefined)
        throw new ExpressionRuntimeError(`KeyNotFoundException: claim '${name}'`);
      return values;
    }) as IndexerDef['get'],
  },
  stringArray: {
    index: 'number',
    returns: 'string',
    get: ((t: string[], index: number) => {
      const value = t[index];
      if (value === undefined) throw new ExpressionRuntimeError('IndexOutOfRangeException');
      return value;
    }) as IndexerDef['get'],
  },
};

export const STATIC_IDENTIFIERS: Record<string, TypeName> = {
  context: 'context',
  string: 'static:string',
  String: 'static:string',
  Guid: 'static:Guid',
  DateTime: 'static:DateTime',
  StringComparison: 'static:StringComparison',
};

/** `"...".AsJwt()` returns null for anything that is not a decodable JWT (like APIM). */
function parseJwtOrNull(raw: string): JwtValue | null {
  const token = raw.replace(/^Bearer\s+/i, '').trim();
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const header = JSON.parse(Buffer.from(parts[0] ?? '', 'base64url').toString('utf8')) as unknown;
    const claims = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')) as unknown;
    if (!isRecord(header) || !isRecord(claims)) return null;
    return new JwtValue(header, claims);
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function formatDate(date: Date, format: unknown): string {
  if (format === undefined || format === 'o' || format === 'O')
    return date.toISOString().replace('Z', '0000Z');
  if (format === 's') return date.toISOString().slice(0, 19);
  if (format === 'u') return `${date.toISOString().slice(0, 19).replace('T', ' ')}Z`;
  throw new ExpressionRuntimeError(
    `DateTime.ToString: format '${String(format)}' is not supported (use "o", "s" or "u")`,
  );
}
