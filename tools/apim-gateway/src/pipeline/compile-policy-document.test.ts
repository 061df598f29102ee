import { describe, expect, it } from 'vitest';

import { BoundedCache } from '../cache/bounded-cache.js';
import { FixedWindowQuota } from '../cache/fixed-window-quota.js';
import { SlidingWindowLimiter } from '../cache/sliding-window-limiter.js';
import { OpenIdConfigCache } from '../jwt/openid-config-cache.js';
import type { GatewayServices } from '../policies/gateway-services.js';
import {
  compilePolicyDocument,
  type ComposedPolicy,
  DEFAULT_GLOBAL_POLICY_XML,
  EMPTY_POLICY,
} from './compile-policy-document.js';

const services: GatewayServices = {
  backends: new Map([
    [
      'catalog-backend',
      { id: 'catalog-backend', url: 'http://127.0.0.1:1', credentials: { header: {}, query: {} } },
    ],
  ]),
  responseCache: new BoundedCache({ maxEntries: 10 }),
  responseCacheMaxBytes: 1024 * 1024,
  valueCache: new BoundedCache({ maxEntries: 10 }),
  rateLimiter: new SlidingWindowLimiter({ maxKeys: 10 }),
  quotas: new FixedWindowQuota({ maxKeys: 10 }),
  openIdConfigs: new OpenIdConfigCache(),
  log: { info: () => undefined, warn: () => undefined },
};

function compile(
  source: string,
  options: {
    scope?: 'global' | 'api' | 'operation';
    parent?: ComposedPolicy;
    values?: Record<string, string>;
  } = {},
): ComposedPolicy {
  return compilePolicyDocument({
    source,
    file: 'api-policy.xml',
    scope: options.scope ?? 'api',
    parent: options.parent ?? EMPTY_POLICY,
    namedValues: new Map(Object.entries(options.values ?? { known: 'value' })),
    services,
  });
}

const inbound = (xml: string): string => `<policies><inbound>${xml}</inbound></policies>`;
const section = (name: string, xml: string): string =>
  `<policies><${name}>${xml}</${name}></policies>`;
const names = (nodes: ComposedPolicy[keyof ComposedPolicy]): string[] =>
  nodes.map((n) => `${n.scope}:${n.path}`);

describe('<base/> composition (APIM policy evaluation order)', () => {
  const global = compile(DEFAULT_GLOBAL_POLICY_XML, { scope: 'global' });
  const api = compile(
    `<policies>
      <inbound><set-variable name="a" value="1" /><base /><set-variable name="b" value="2" /></inbound>
      <outbound><set-variable name="c" value="3" /></outbound>
    </policies>`,
    { parent: global },
  );

  it('the default global policy forwards the request in <backend>', () => {
    expect(names(global.backend)).toEqual(['global:backend/forward-request']);
  });

  it('splices the parent section where <base/> sits and keeps order', () => {
    const operation = compile(
      `<policies><inbound><set-header name="x" exists-action="delete" /><base /></inbound><outbound><base /></outbound></policies>`,
      { scope: 'operation', parent: api },
    );
    expect(names(operation.inbound)).toEqual([
      'operation:inbound/set-header',
      'api:inbound/set-variable[1]',
      'api:inbound/set-variable[2]',
    ]);
    expect(names(operation.outbound)).toEqual(['api:outbound/set-variable']);
  });

  it('a section without <base/> inherits nothing', () => {
    expect(names(api.outbound)).toEqual(['api:outbound/set-variable']);
  });

  it('a section that is left out behaves like <base/> (backend still forwards)', () => {
    expect(names(api.backend)).toEqual(['global:backend/forward-request']);
  });

  it('<base/> at global scope does nothing', () => {
    const g = compile(section('inbound', '<base /><set-variable name="a" value="1" />'), {
      scope: 'global',
      parent: api,
    });
    expect(names(g.inbound)).toEqual(['global:inbound/set-variable']);
  });
});

describe('named values', () => {
  it('substitutes {{name}} in attributes and text, also inside larger strings', () => {
    const result = compile(
      inbound(
        '<set-header name="x-{{known}}" exists-action="override"><value>pre-{{known}}-post</value></set-header>',
      ),
    );
    expect(result.inbound).toHaveLength(1);
  });

  it('rejects an unknown named value with the file and policy path', () => {
    expect(() =>
      compile(
        inbound(
          '<choose><when condition="true"><set-header name="x"><value>{{nope}}</value></set-header></when></choose>',
        ),
      ),
    ).toThrow(
      'api-policy.xml (inbound/choose/when[1]/set-header/value, line 1): text references unknown named value {{nope}}',
    );
  });

  it('a named value may hold an expression, evaluated like inline code', () => {
    const result = compile(inbound('<set-variable name="v" value="{{expr}}" />'), {
      values: { expr: '@(1 + 1)' },
    });
    expect(result.inbound).toHaveLength(1);
  });
});

describe('load-time rejections name file, policy path and offending token', () => {
  it.each([
    [
      'an unknown policy',
      inbound('<send-request mode="new" response-variable-name="r" />'),
      /\(inbound\/send-request, line 1\): unknown or unsupported policy <send-request>/,
    ],
    [
      'a typo in a policy name',
      inbound('<set-headers name="x" />'),
      /unknown or unsupported policy <set-headers>/,
    ],
    [
      'an unknown attribute',
      inbound('<set-header name="x" exist-action="override"><value>1</value></set-header>'),
      /unknown or unsupported attribute "exist-action"/,
    ],
    [
      'an unknown attribute value',
      inbound('<set-header name="x" exists-action="replace"><value>1</value></set-header>'),
      /"exists-action" must be one of override, skip, append, delete, got "replace"/,
    ],
    [
      'a missing required attribute',
      inbound('<set-variable value="1" />'),
      /requires attribute "name"/,
    ],
    [
      'forward-request in inbound',
      inbound('<forward-request />'),
      /<forward-request> is not allowed in <inbound> \(allowed: backend\)/,
    ],
    [
      'cache-store in inbound',
      inbound('<cache-store duration="10" />'),
      /<cache-store> is not allowed in <inbound>/,
    ],
    [
      'validate-jwt in outbound',
      section(
        'outbound',
        '<validate-jwt header-name="Authorization"><openid-config url="http://x" /></validate-jwt>',
      ),
      /<validate-jwt> is not allowed in <outbound>/,
    ],
    [
      'rate-limit-by-key in on-error',
      section('on-error', '<rate-limit-by-key calls="1" renewal-period="1" counter-key="k" />'),
      /not allowed in <on-error>/,
    ],
    [
      'set-query-parameter in outbound',
      section('outbound', '<set-query-parameter name="a" exists-action="delete" />'),
      /not allowed in <outbound>/,
    ],
    [
      'nested policy in a wrong section',
      section(
        'outbound',
        '<choose><when condition="true"><rewrite-uri template="/x" /></when></choose>',
      ),
      /\(outbound\/choose\/when\[1\]\/rewrite-uri, line 1\): <rewrite-uri> is not allowed in <outbound>/,
    ],
    [
      'an unsupported expression',
      inbound('<set-variable name="x" value="@(context.Request.Body.As&lt;string&gt;())" />'),
      /\(inbound\/set-variable, line 1\): attribute "value": unsupported policy expression: .* at 'Body'/,
    ],
    [
      'Regex (outside the subset)',
      inbound(
        '<choose><when condition=\'@(Regex.IsMatch("a", "b"))\'><set-variable name="x" value="1" /></when></choose>',
      ),
      /inbound\/choose\/when\[1\].*at 'Regex'/,
    ],
    [
      'a multi-statement block',
      inbound('<set-variable name="x" value="@{ var a = 1; return a; }" />'),
      /multi-statement @\{\.\.\.\} blocks are not supported/,
    ],
    [
      'an expression embedded in text',
      inbound('<set-header name="x"><value>Bearer @(context.RequestId)</value></set-header>'),
      /must be the entire value/,
    ],
    [
      'a non-boolean condition',
      inbound('<choose><when condition="@(1)"><set-variable name="x" value="1" /></when></choose>'),
      /condition" expression must produce a bool/,
    ],
    [
      'an expression where APIM forbids one',
      inbound('<set-variable name="@(&quot;x&quot;)" value="1" />'),
      /"name" of <set-variable> does not accept policy expressions/,
    ],
    [
      'a non-integer literal',
      inbound('<rate-limit calls="ten" renewal-period="10" />'),
      /"calls" must be an integer, got "ten"/,
    ],
    [
      'renewal-period above 300 s',
      inbound('<rate-limit calls="1" renewal-period="301" />'),
      /must be at most 300/,
    ],
    [
      'an unknown backend-id',
      inbound('<set-backend-service backend-id="missing" />'),
      /backend-id "missing" is not in the config's backends \(known: catalog-backend\)/,
    ],
    [
      'two <base/> in a section',
      inbound('<base /><base />'),
      /<base\/> may appear only once per section/,
    ],
    [
      '<base/> nested in choose',
      inbound('<choose><when condition="true"><base /></when></choose>'),
      /only allowed directly inside a section/,
    ],
    ['an unknown section', '<policies><inbund /></policies>', /unknown section <inbund>/],
    [
      'a duplicated section',
      '<policies><inbound /><inbound /></policies>',
      /section <inbound> appears twice/,
    ],
    ['a wrong root element', '<policy><inbound /></policy>', /root element must be <policies>/],
    [
      'malformed XML',
      '<policies><inbound></policies>',
      /api-policy\.xml \(inbound, line 1, column \d+\): malformed XML/,
    ],
    [
      'choose without when',
      inbound('<choose><otherwise /></choose>'),
      /<choose> needs at least one <when>/,
    ],
    [
      'when after otherwise',
      inbound('<choose><when condition="true" /><otherwise /><when condition="false" /></choose>'),
      /<when> must come before <otherwise>/,
    ],
    [
      'unexpected child element',
      inbound('<set-header name="x"><val>1</val></set-header>'),
      /unexpected element <val> inside <set-header> \(allowed: value\)/,
    ],
    [
      'set-header on Content-Length',
      inbound('<set-header name="Content-Length"><value>1</value></set-header>'),
      /does not allow set-header to change "Content-Length"/,
    ],
    [
      'liquid templates',
      section('outbound', '<set-body template="liquid">{{body}}</set-body>'),
      /unknown named value|liquid/,
    ],
    [
      'decryption keys',
      inbound('<validate-jwt header-name="Authorization"><decryption-keys /></validate-jwt>'),
      /decryption-keys\) are not supported/,
    ],
    [
      'validate-jwt without any key source',
      inbound('<validate-jwt header-name="Authorization" />'),
      /needs <openid-config> or <issuer-signing-keys>/,
    ],
    [
      'validate-jwt with two token sources',
      inbound(
        '<validate-jwt header-name="a" query-parameter-name="b"><openid-config url="http://x" /></validate-jwt>',
      ),
      /exactly one of header-name, query-parameter-name or token-value/,
    ],
    [
      'cors with * and credentials',
      inbound(
        '<cors allow-credentials="true"><allowed-origins><origin>*</origin></allowed-origins><allowed-headers><header>*</header></allowed-headers></cors>',
      ),
      /cannot be combined with <origin>\*<\/origin>/,
    ],
    [
      'return-response with response-variable-name',
      inbound('<return-response response-variable-name="r" />'),
      /needs send-request/,
    ],
    [
      'quota-by-key bandwidth',
      inbound('<quota-by-key bandwidth="10" renewal-period="300" counter-key="k" />'),
      /bandwidth is not supported/,
    ],
    [
      'follow-redirects',
      section('backend', '<forward-request follow-redirects="true" />'),
      /follow-redirects="true" is not supported/,
    ],
    [
      'a context object stored in a variable',
      inbound('<set-variable name="h" value="@(context.Request.Headers)" />'),
      /value of type multimap cannot be stored in context.Variables/,
    ],
    [
      'text where none is allowed',
      inbound('<set-variable name="x" value="1">oops</set-variable>'),
      /does not take text content/,
    ],
  ])('rejects %s', (_label, source, message) => {
    expect(() => compile(source)).toThrow(message);
  });
});
