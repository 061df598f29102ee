import { describe, expect, it } from 'vitest';

import type { RegisteredFunction } from '../core/app-runtime.js';
import type { RpcBindingInfo } from '../core/core-types.js';
import { StartupError } from '../startup/startup-error.js';
import { buildRouteTable, compareOrdinalIgnoreCase } from './build-route-table.js';

const fn = (name: string, trigger: Record<string, unknown>): RegisteredFunction => ({
  functionId: name,
  callback: () => undefined,
  metadata: {
    name,
    bindings: {
      req: { type: 'httpTrigger', direction: 'in', ...trigger } as RpcBindingInfo,
      $return: { type: 'http', direction: 'out' },
    },
  },
});

describe('buildRouteTable', () => {
  it('orders by function name, uppercases methods, defaults route to the name', () => {
    const routes = buildRouteTable(
      [fn('b', { methods: ['get'] }), fn('A', { route: 'x', methods: ['post'] })],
      'api',
      {},
    );
    expect(routes.map((r) => [r.fn.name, r.fn.methods, r.fn.template])).toEqual([
      ['A', ['POST'], 'api/x'],
      ['b', ['GET'], 'api/b'],
    ]);
  });

  it('orders like the host: OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase) in FunctionMetadataManager', () => {
    // Upper-cased code units: "-" (0x2D) < digits < "A".."Z" (0x41-0x5A) < "_" (0x5F); an "en" collation puts "_" first.
    const names = ['get_item', 'getItem', 'Get-item', 'get2', 'GETITEMS', 'delete'];
    const routes = buildRouteTable(
      names.map((name) => fn(name, {})),
      'api',
      {},
    );
    expect(routes.map((r) => r.fn.name)).toEqual([
      'delete',
      'Get-item',
      'get2',
      'getItem',
      'GETITEMS',
      'get_item',
    ]);
    expect([...names].sort((a, b) => a.localeCompare(b, 'en'))).not.toEqual(
      routes.map((r) => r.fn.name),
    );
  });

  it('names equal ignoring case keep registration order (LINQ OrderBy is stable)', () => {
    const routes = buildRouteTable([fn('b', {}), fn('Item', {}), fn('item', {})], 'api', {});
    expect(routes.map((r) => r.fn.name)).toEqual(['b', 'Item', 'item']);
    const reversed = buildRouteTable([fn('item', {}), fn('Item', {}), fn('b', {})], 'api', {});
    expect(reversed.map((r) => r.fn.name)).toEqual(['b', 'item', 'Item']);
  });

  it('a route with a leading "/" fails under a prefix ("api//x", MicrosoftDocs/azure-docs#69447) and is trimmed without one', () => {
    expect(() => buildRouteTable([fn('A', { route: '/x' })], 'api', {})).toThrow(StartupError);
    expect(() => buildRouteTable([fn('A', { route: '/x' })], 'api', {})).toThrow(
      /Function "A" has an invalid route "\/x" at position 0: The route has a leading "\/".*"api\/\/x".*Write "x"/,
    );
    expect(buildRouteTable([fn('A', { route: '/x' })], '', {})[0]?.fn.template).toBe('x');
  });

  it('a route prefix ending in "/" fails at start-up ("api//x", elastic/apm#716), naming host.json', () => {
    expect(() => buildRouteTable([fn('A', { route: 'x' })], 'api/', {})).toThrow(
      /invalid route "api\/\/x" at position 4: Empty segment.*Fix extensions\.http\.routePrefix/,
    );
  });

  it('authLevel defaults to function when the binding has none (function.json default)', () => {
    expect(buildRouteTable([fn('a', {})], 'api', {})[0]?.fn.authLevel).toBe('function');
  });

  it('rejects an unknown authLevel, naming the function', () => {
    expect(() => buildRouteTable([fn('a', { authLevel: 'public' })], 'api', {})).toThrow(
      /Function "a" has an unknown authLevel "public"/,
    );
  });

  it('rejects routes under the reserved admin/ path when there is no prefix', () => {
    expect(() => buildRouteTable([fn('a', { route: 'admin/tools' })], '', {})).toThrow(
      StartupError,
    );
    expect(() => buildRouteTable([fn('a', { route: 'admin/tools' })], '', {})).toThrow(
      /"admin\/\.\.\." is reserved/,
    );
    expect(buildRouteTable([fn('a', { route: 'admin/tools' })], 'api', {})).toHaveLength(1);
  });

  it('reads AzureWebJobs.<name>.Disabled and the AzureWebJobs__<name>__Disabled spelling', () => {
    const routes = buildRouteTable([fn('a', {}), fn('b', {}), fn('c', {})], 'api', {
      'AzureWebJobs.a.Disabled': 'true',
      AzureWebJobs__b__Disabled: '1',
      'AzureWebJobs.c.Disabled': 'false',
    });
    expect(routes.map((r) => r.fn.disabled)).toEqual([true, true, false]);
  });

  it('skips functions without an HTTP trigger', () => {
    const timer: RegisteredFunction = {
      functionId: 't',
      callback: () => undefined,
      metadata: { name: 't', bindings: { timer: { type: 'timerTrigger', direction: 'in' } } },
    };
    expect(buildRouteTable([timer], 'api', {})).toEqual([]);
  });
});

describe('compareOrdinalIgnoreCase (.NET StringComparer.OrdinalIgnoreCase)', () => {
  const sign = (a: string, b: string) => Math.sign(compareOrdinalIgnoreCase(a, b));

  it('ignores ASCII case and compares code units otherwise', () => {
    expect(sign('abc', 'ABC')).toBe(0);
    expect(sign('a_b', 'AB')).toBe(1); // "_" 0x5F > "B" 0x42 once upper-cased
    expect(sign('a-b', 'a_b')).toBe(-1);
    expect(sign('a', 'ab')).toBe(-1);
    expect(sign('Z', 'a')).toBe(1); // "Z" > "A", not code-unit order "Z" < "a"
  });

  it('maps non-ASCII letters one to one, then compares code units (no collation)', () => {
    expect(sign('é', 'É')).toBe(0);
    expect(sign('é', 'f')).toBe(1); // "É" U+00C9 > "F"; the "en" collation puts "é" first
    expect('é'.localeCompare('f', 'en')).toBe(-1);
    expect(sign('ß', 'SS')).toBe(1); // no simple upper case for "ß": it stays U+00DF
    expect(sign('ä', 'z')).toBe(1);
  });
});
