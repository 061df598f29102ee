import { describe, expect, it } from 'vitest';

import { DEFAULT_PORT, parseCliArgs, UsageError } from './parse-cli-args.js';

describe('CLI arguments', () => {
  it('7071 is the default port, like func start, and --port replaces it', () => {
    expect(parseCliArgs(['serve', '.']).port).toBe(DEFAULT_PORT);
    expect(DEFAULT_PORT).toBe(7071);
    expect(parseCliArgs(['serve', '.', '--port', '17320']).port).toBe(17320);
    expect(parseCliArgs(['start', '.', '--port', '0']).port).toBe(0);
  });

  it('an option given twice is an error, not "the last one wins"', () => {
    expect(() => parseCliArgs(['serve', '.', '--port', '7071', '--port', '17320'])).toThrow(
      new UsageError('--port was given 2 times (7071 and 17320); pass it once.'),
    );
  });

  it.each([
    ['--port', 'x'],
    ['--port', '70000'],
    ['--port', '-1'],
    ['--drain-timeout', 'soon'],
  ])('%s %s is refused with a clear message', (flag, value) => {
    expect(() => parseCliArgs(['start', '.', flag, value])).toThrow(UsageError);
  });

  it('--drain-timeout is in seconds (default 30)', () => {
    expect(parseCliArgs(['start', '.']).drainTimeoutMs).toBe(30_000);
    expect(parseCliArgs(['start', '.', '--drain-timeout', '2.5']).drainTimeoutMs).toBe(2500);
  });

  it('an unknown option is a usage error', () => {
    expect(() => parseCliArgs(['start', '.', '--prot', '1'])).toThrow(UsageError);
  });
});
