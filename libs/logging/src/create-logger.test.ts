import { describe, expect, it } from 'vitest';

import { createLogger } from './create-logger.js';
import { runWithLogContext } from './log-context.js';
import { REDACTED } from './redact-string.js';

function memoryLogger(options: Parameters<typeof createLogger>[0] = {}) {
  const lines: string[] = [];
  const logger = createLogger({
    level: 'trace',
    ...options,
    destination: { write: (l) => lines.push(l) },
  });
  const records = (): Record<string, unknown>[] => lines.map((line) => JSON.parse(line));
  return { logger, lines, records };
}

describe('createLogger', () => {
  it('writes exactly one JSON object per line with an ISO time and a level label', () => {
    const { logger, lines, records } = memoryLogger();
    logger.info({ a: 1 }, 'first');
    logger.warn('second');
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => line.endsWith('\n') && !line.slice(0, -1).includes('\n'))).toBe(
      true,
    );
    expect(records()[0]).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      a: 1,
      msg: 'first',
    });
    expect(records()[1]).toMatchObject({ level: 'warn', msg: 'second' });
  });

  it('stamps each line with the ISO 8601 time of the call, to the millisecond', () => {
    const { logger, records } = memoryLogger();
    const before = Date.now();
    for (let i = 0; i < 50; i++) logger.info('tick');
    const after = Date.now();
    for (const record of records()) {
      const time = record.time as string;
      expect(time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(new Date(time).toISOString()).toBe(time);
      expect(Date.parse(time)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(time)).toBeLessThanOrEqual(after);
    }
  });

  it('attaches the invocation context to every line without passing a logger around', async () => {
    const { logger, records } = memoryLogger();
    const handler = async (): Promise<void> => {
      await Promise.resolve();
      logger.info({ item_id: 42 }, 'Handled APIM backend request');
    };
    await runWithLogContext(
      {
        invocationId: 'inv-1',
        functionName: 'getCatalogItem',
        correlationId: '6d9f',
        traceId: '4bf9',
        tenant: 't1',
      },
      handler,
    );
    logger.info('outside');
    expect(records()[0]).toMatchObject({
      invocationId: 'inv-1',
      functionName: 'getCatalogItem',
      correlationId: '6d9f',
      traceId: '4bf9',
      tenant: 't1',
      item_id: 42,
    });
    expect(records()[1]).not.toHaveProperty('correlationId');
  });

  it('lets a line override a context field', () => {
    const { logger, lines, records } = memoryLogger();
    runWithLogContext({ correlationId: 'ctx', traceId: 't' }, () => {
      logger.info({ correlationId: 'own' }, 'x');
      logger.info('y');
    });
    expect(records()[0]).toMatchObject({ correlationId: 'own', traceId: 't' });
    expect(lines[0]?.match(/"correlationId"/g)).toHaveLength(1);
    expect(records()[1]).toMatchObject({ correlationId: 'ctx', traceId: 't' });
  });

  it('redacts line fields, context fields, child bindings, messages and printf arguments', () => {
    const { logger, lines } = memoryLogger();
    runWithLogContext({ correlationId: 'c', sessionToken: 'ctx-secret' }, () => {
      logger.info(
        { headers: { Authorization: 'Bearer abcdefgh1' } },
        'called https://h/api/f?code=msg-secret',
      );
      logger.child({ apiKey: 'child-secret' }).info('from child');
      logger.info('printf %s %o', 'https://h/api?code=arg-secret', { password: 'obj-secret' });
    });
    const text = lines.join('');
    for (const secret of [
      'abcdefgh1',
      'ctx-secret',
      'msg-secret',
      'child-secret',
      'arg-secret',
      'obj-secret',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain(REDACTED);
  });

  it('serialises errors (as err) and redacts their message, which pino would copy into msg', () => {
    const { logger, records } = memoryLogger();
    logger.error(new Error('fetch https://h/api/f?code=k1 failed'));
    logger.error({ err: new TypeError('boom ?code=k2') });
    const [first, second] = records();
    expect(first).toMatchObject({
      level: 'error',
      msg: `fetch https://h/api/f?code=${REDACTED} failed`,
    });
    expect(first?.err).toMatchObject({
      type: 'Error',
      message: `fetch https://h/api/f?code=${REDACTED} failed`,
    });
    expect(second).toMatchObject({ msg: `boom ?code=${REDACTED}`, err: { type: 'TypeError' } });
    expect(JSON.stringify(records())).not.toMatch(/k1|k2/);
  });

  it('honours the level and reads LOG_LEVEL from the given env', () => {
    const { logger, records } = memoryLogger({ level: 'warn' });
    logger.info('dropped');
    logger.warn('kept');
    expect(records().map((r) => r.msg)).toEqual(['kept']);
    expect(
      createLogger({ env: { LOG_LEVEL: 'debug' }, destination: { write: () => undefined } }).level,
    ).toBe('debug');
  });

  it('adds the logger name and leaves out pid and hostname', () => {
    const { logger, records } = memoryLogger({ name: 'catalog' });
    logger.info('x');
    expect(records()[0]).toMatchObject({ name: 'catalog' });
    expect(records()[0]).not.toHaveProperty('pid');
    expect(records()[0]).not.toHaveProperty('hostname');
  });
});
