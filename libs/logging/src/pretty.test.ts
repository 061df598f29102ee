import { describe, expect, it } from 'vitest';

import { runWithLogContext } from './log-context.js';
import { createPrettyFormatter, DOTNET_LEVEL_NAMES } from './pretty.js';

const plain = createPrettyFormatter({ colorize: false });
const line = (record: Record<string, unknown>): string =>
  JSON.stringify({ level: 'info', time: '2026-01-01T00:00:00.000Z', ...record });

describe('createPrettyFormatter', () => {
  it('prints a handled-request line the way the Functions host prints its own', () => {
    const input = line({
      msg: 'Handled APIM backend request',
      item_id: 42,
      routed_by: 'azure-api-management',
      correlation_id: '6d9f',
      cache_status: 'hit',
    });
    expect(plain(input)).toBe(
      '[Information] Handled APIM backend request item_id=42 routed_by=azure-api-management correlation_id=6d9f cache_status=hit',
    );
  });

  it('uses the .NET level names', () => {
    expect(DOTNET_LEVEL_NAMES).toEqual({
      trace: 'Trace',
      debug: 'Debug',
      info: 'Information',
      warn: 'Warning',
      error: 'Error',
      fatal: 'Critical',
    });
    for (const [level, name] of Object.entries(DOTNET_LEVEL_NAMES)) {
      expect(plain(line({ level, msg: 'm' }))).toBe(`[${name}] m`);
    }
  });

  it('puts context ids after the line’s own fields', () => {
    const input = line({
      invocationId: 'inv-1',
      correlationId: 'c-1',
      tenant: 't',
      msg: 'm',
      item_id: 1,
    });
    const output = runWithLogContext(
      { invocationId: 'inv-1', correlationId: 'c-1', tenant: 't' },
      () => plain(input),
    );
    expect(output).toBe('[Information] m item_id=1 invocationId=inv-1 correlationId=c-1 tenant=t');
  });

  it('quotes values with spaces and prints objects as compact JSON', () => {
    expect(
      plain(
        line({
          msg: 'm',
          note: 'two words',
          empty: '',
          nested: { a: [1, 2] },
          ok: true,
          none: null,
        }),
      ),
    ).toBe('[Information] m note="two words" empty="" nested={"a":[1,2]} ok=true none=null');
  });

  it('keeps one line per entry and neutralises terminal escape sequences', () => {
    const output = plain(line({ msg: 'evil\nsecond line \u001b[31mred', field: 'x\u001by' }));
    expect(output).toBe('[Information] evil\\nsecond line \\u001b[31mred field="x\\u001by"');
  });

  it('prints an error stack indented below the line', () => {
    const output = plain(
      line({
        level: 'error',
        msg: 'failed',
        err: { type: 'Error', message: 'boom', stack: 'Error: boom\n    at f (a.ts:1:1)' },
      }),
    );
    expect(output).toBe('[Error] failed\n    Error: boom\n        at f (a.ts:1:1)');
  });

  it('colours the level label when asked', () => {
    const coloured = createPrettyFormatter({ colorize: true })(line({ level: 'error', msg: 'm' }));
    expect(coloured).toContain('\u001b[31m[Error]');
  });

  it('passes lines that are not JSON through unchanged', () => {
    expect(plain('not json')).toBe('not json');
  });
});
