import { pino } from 'pino';
import { describe, expect, it } from 'vitest';

import { createLogger } from './create-logger.js';
import { createDestination } from './destination.js';
import { runWithLogContext } from './log-context.js';

const TIME = /"time":"[^"]+"/;
const CONTEXT = { invocationId: 'inv-1', correlationId: '6d9f' };

// What pino itself writes for the same call, with the context as its first fields.
function pinoLine(level: 'info' | 'warn', fields: object, message: string): string {
  let line = '';
  const logger = pino(
    {
      base: null,
      timestamp: () => `,"time":"T"`,
      formatters: { level: (label) => ({ level: label }) },
    },
    { write: (chunk: string) => (line = chunk) },
  );
  logger[level]({ ...CONTEXT, ...fields }, message);
  return line;
}

const CASES: [object, string][] = [
  [{ item_id: '42', routed_by: 'azure-api-management', status: 200, in_stock: true }, 'Handled'],
  [{ quote: 'say "hi"', tab: 'a\tb', unicode: 'ünï €', nothing: null }, 'a "quoted"\nmessage'],
  [{ nan: Number.NaN, skipped: undefined }, '100% %s done'],
  [{}, 'x'.repeat(150)],
  // pino's own path (it writes a lone surrogate raw, JSON.stringify escapes it)
  [{ a: 1 }, 'lone \ud800'],
];

describe('plain lines written without pino (fields and message built by the library)', () => {
  it.each(CASES)('are the bytes pino writes, to a foreign stream: %j %j', (fields, message) => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (l) => lines.push(l) } });
    runWithLogContext(CONTEXT, () => logger.info(fields, message));
    expect(lines[0]?.replace(TIME, '"time":"T"')).toBe(pinoLine('info', fields, message));
  });

  it.each(CASES)('are the bytes pino writes, through the sink: %j %j', (fields, message) => {
    const lines: [string, string][] = [];
    const logger = createLogger({
      level: 'info',
      destination: createDestination({ format: 'json', stdout: { write: () => true } }),
    });
    runWithLogContext(CONTEXT, () => logger.warn(fields, message), {
      sink: (level, line) => lines.push([level, line]),
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.[0]).toBe('warn');
    expect(`${lines[0]?.[1].replace(TIME, '"time":"T"')}\n`).toBe(
      pinoLine('warn', fields, message),
    );
  });

  it('gives a foreign stream the metadata pino gives it', () => {
    const stream = {
      [pino.symbols.needsMetadataGsym]: true,
      lastLevel: 0,
      lastMsg: '',
      lastTime: '',
      write: () => true,
    };
    const logger = createLogger({ level: 'info', destination: stream });
    logger.warn({ id: 'a' }, 'Bearer abcdefghijklmnop');
    expect(stream).toMatchObject({
      lastLevel: 40,
      lastMsg: 'Bearer [Redacted]',
      lastLogger: logger,
    });
    expect(stream.lastTime).toMatch(/^"\d{4}-.*Z","id":"a"$/);
  });

  it('leaves a message prefix and child bindings to pino', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (l) => lines.push(l) } });
    logger.child({}, { msgPrefix: '[p] ' }).info({ a: 1 }, 'm');
    logger.child({ b: 2 }).info({ a: 1 }, 'm');
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records[0]).toMatchObject({ a: 1, msg: '[p] m' });
    expect(records[1]).toMatchObject({ a: 1, b: 2, msg: 'm' });
  });
});
