import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { gatewayConfigJsonSchema } from './config-json-schema.js';
import type { GatewayConfig } from './gateway-config-schema.js';
import { resolveNamedValues, substituteNamedValues } from './named-values.js';
import { parseGatewayConfig } from './read-gateway-config.js';

const minimal = { api: { path: 'api', openapi: '../dist/openapi.json' } };

function parse(input: unknown): GatewayConfig {
  return parseGatewayConfig(input, 'local-gateway.json', '/base').config;
}

describe('local-gateway.json schema', () => {
  it('applies defaults: subscription required, empty collections', () => {
    const config = parse(minimal);
    expect(config.api.subscriptionRequired).toBe(true);
    expect(config.api.policies).toEqual({ format: 'xml' });
    expect([config.namedValues, config.subscriptions, config.backends]).toEqual([{}, [], []]);
  });

  it.each([
    ['a missing api', {}, /api/],
    ['an unknown top-level key (typo)', { ...minimal, namedValue: {} }, /namedValue/],
    [
      'an unknown api key',
      { api: { ...minimal.api, subscriptionrequired: false } },
      /subscriptionrequired/,
    ],
    [
      'a relative backend url',
      { ...minimal, backends: [{ id: 'b', url: 'localhost:7071' }] },
      /backends\[0\]\.url|must be an absolute http\(s\) URL/,
    ],
    [
      'duplicate backend ids',
      {
        ...minimal,
        backends: [
          { id: 'b', url: 'http://a' },
          { id: 'b', url: 'http://b' },
        ],
      },
      /duplicate backend id "b"/,
    ],
    [
      'duplicate subscription keys',
      {
        ...minimal,
        subscriptions: [
          { id: 'a', key: 'k' },
          { id: 'b', key: 'k' },
        ],
      },
      /subscription keys must be unique/,
    ],
    [
      'credentials values that are not arrays',
      {
        ...minimal,
        backends: [
          { id: 'b', url: 'http://a', credentials: { header: { 'x-functions-key': 'k' } } },
        ],
      },
      /x-functions-key/,
    ],
    [
      'a named value object with both value and env',
      { ...minimal, namedValues: { a: { value: 'x', env: 'Y' } } },
      /exactly one of "value" or "env"/,
    ],
    [
      'a bad subscription state',
      { ...minimal, subscriptions: [{ id: 'a', key: 'k', state: 'off' }] },
      /state/,
    ],
  ])('rejects %s with a message naming the file and field', (_label, input, message) => {
    expect(() => parse(input)).toThrow(/^local-gateway\.json: invalid gateway config:/);
    expect(() => parse(input)).toThrow(message);
  });
});

describe('named values', () => {
  const endpoints = {
    openidConfigUrl: 'http://gw/.dev-issuer/.well-known/openid-configuration',
    jwksUrl: 'http://gw/keys',
  };

  it('resolves literals, env: references, env objects with defaults and dev-issuer URLs', () => {
    const config = parse({
      ...minimal,
      namedValues: {
        literal: 'v',
        fromEnv: 'env:HOST_KEY',
        withDefault: { env: 'UNSET_VAR', default: 'fallback' },
        explicit: { value: 'x', secret: true },
        openid: 'dev-issuer:openid-config-url',
      },
    });
    const result = resolveNamedValues(config, { HOST_KEY: 'secret-key' }, endpoints);
    expect(result.problems).toEqual([]);
    expect(Object.fromEntries(result.values)).toEqual({
      literal: 'v',
      fromEnv: 'secret-key',
      withDefault: 'fallback',
      explicit: 'x',
      openid: endpoints.openidConfigUrl,
    });
    expect([...result.secrets].sort()).toEqual(['explicit', 'fromEnv', 'withDefault']);
  });

  it('reports unset environment variables, unknown dev-issuer references and nesting', () => {
    const config = parse({
      ...minimal,
      namedValues: { a: 'env:NOPE', b: { env: 'NOPE_EITHER' }, c: 'dev-issuer:token', d: 'x{{a}}' },
    });
    expect(resolveNamedValues(config, {}, endpoints).problems).toEqual([
      'named value "a" needs environment variable NOPE, which is not set',
      'named value "b" needs environment variable NOPE_EITHER, which is not set',
      'named value "c": unknown reference "dev-issuer:token" (use dev-issuer:openid-config-url or dev-issuer:jwks-url)',
      'named value "d" references another named value, which APIM does not allow',
    ]);
  });

  it('substitutes every {{name}} and reports unknown ones', () => {
    const values = new Map([['tenant-id', 't1']]);
    expect(
      substituteNamedValues('https://login/{{tenant-id}}/v2.0?x={{ tenant-id }}', values),
    ).toEqual({
      text: 'https://login/t1/v2.0?x=t1',
      unknown: [],
    });
    expect(substituteNamedValues('{{missing}}', values).unknown).toEqual(['missing']);
  });
});

describe('local-gateway.schema.json', () => {
  it('is up to date with the zod schema (regenerate: npx tsx tools/apim-gateway/scripts/write-config-schema.ts)', async () => {
    const committed = JSON.parse(
      await readFile(resolve(import.meta.dirname, '../../local-gateway.schema.json'), 'utf8'),
    ) as unknown;
    expect(committed).toEqual(gatewayConfigJsonSchema());
  });
});
