import { describe, expect, it } from 'vitest';

import { createLogger } from './create-logger.js';
import { createDestination, setLineCapture } from './destination.js';
import { runWithLogContext } from './log-context.js';
import type { LogLevel } from './log-level.js';

function fakeStdout(): { write(text: string): boolean; text: string[] } {
  const text: string[] = [];
  return { text, write: (chunk: string) => text.push(chunk) > 0 };
}

function setup(format: 'json' | 'pretty' = 'json') {
  const stdout = fakeStdout();
  const logger = createLogger({
    level: 'trace',
    destination: createDestination({ format, stdout }),
  });
  return { stdout, logger };
}

describe('createDestination', () => {
  it('writes one JSON line to stdout outside an invocation', () => {
    const { stdout, logger } = setup();
    logger.info({ item_id: 42 }, 'outside');
    expect(stdout.text).toHaveLength(1);
    expect(stdout.text[0]?.endsWith('}\n')).toBe(true);
    expect(JSON.parse(stdout.text[0] ?? '')).toMatchObject({
      level: 'info',
      item_id: 42,
      msg: 'outside',
    });
  });

  it('sends lines inside an invocation to its sink, with the level, so context.warn/error keep severity', () => {
    const { stdout, logger } = setup();
    const received: [LogLevel, string][] = [];
    runWithLogContext(
      { invocationId: 'inv-1' },
      () => {
        for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const) {
          logger[level](`at ${level}`);
        }
      },
      { sink: (level, line) => received.push([level, line]) },
    );
    expect(stdout.text).toEqual([]);
    expect(received.map(([level]) => level)).toEqual([
      'trace',
      'debug',
      'info',
      'warn',
      'error',
      'fatal',
    ]);
    for (const [level, line] of received) {
      expect(line.endsWith('\n')).toBe(false);
      expect(JSON.parse(line)).toMatchObject({ level, invocationId: 'inv-1', msg: `at ${level}` });
    }
  });

  it('keeps using the sink after awaits inside the invocation', async () => {
    const { logger } = setup();
    const lines: string[] = [];
    await runWithLogContext(
      { correlationId: 'c' },
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        logger.info('later');
      },
      { sink: (_level, line) => lines.push(line) },
    );
    expect(lines).toHaveLength(1);
  });

  it('falls back to stdout when the sink throws, so the line is not lost', () => {
    const { stdout, logger } = setup();
    runWithLogContext({ correlationId: 'c-9' }, () => logger.warn('still here'), {
      sink: () => {
        throw new Error('invocation already finished');
      },
    });
    expect(JSON.parse(stdout.text[0] ?? '')).toMatchObject({
      correlationId: 'c-9',
      msg: 'still here',
    });
  });

  it('writes to stdout in a context that has no sink', () => {
    const { stdout, logger } = setup();
    runWithLogContext({ correlationId: 'c-2' }, () => logger.info('no sink'));
    expect(JSON.parse(stdout.text[0] ?? '')).toMatchObject({ correlationId: 'c-2' });
  });

  it('sends pretty lines to the sink without colour codes', () => {
    const { logger } = setup('pretty');
    const lines: string[] = [];
    runWithLogContext({ correlationId: '6d9f' }, () => logger.info({ item_id: 42 }, 'Handled'), {
      sink: (_level, line) => lines.push(line),
    });
    expect(lines).toEqual(['[Information] Handled item_id=42 correlationId=6d9f']);
  });

  it('hands raw JSON lines to a capture before any sink or stdout', () => {
    const { stdout, logger } = setup('pretty');
    const captured: string[] = [];
    const sinkLines: string[] = [];
    const release = setLineCapture((_level, line) => captured.push(line));
    try {
      runWithLogContext({}, () => logger.info('captured'), {
        sink: (_l, line) => sinkLines.push(line),
      });
      logger.info('also captured');
    } finally {
      release();
    }
    logger.info('after release');
    expect(captured.map((line) => JSON.parse(line).msg)).toEqual(['captured', 'also captured']);
    expect(sinkLines).toEqual([]);
    expect(stdout.text).toEqual(['[Information] after release\n']);
  });
});
