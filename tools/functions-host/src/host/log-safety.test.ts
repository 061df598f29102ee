import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { AppRuntime } from '../core/app-runtime.js';
import { consoleLogSink } from '../core/host-log.js';
import { type FixtureHost, startFixture } from '../testing/fixture-host.js';

// What a forged line would look like if a message could start a new line.
const FORGED = /(^|\n)\[2030-01-01T00:00:00\.000Z\] info: Executed 'Functions\.forged'/;

describe('log lines: redacted like libs/logging and unable to start a new line', () => {
  let host: FixtureHost;
  beforeAll(async () => {
    host = await startFixture('faults');
    await host.get('/api/noisy?code=the-function-key&page=2');
  });
  afterAll(() => host.close());

  it('context.log output: ?code= values redacted, CR/LF escaped onto one line', () => {
    const user = host.logs.find((entry) => entry.category === 'user');
    expect(user?.message).toContain('?code=[Redacted]&page=2');
    expect(user?.message).not.toContain('the-function-key');
    expect(user?.message).not.toMatch(/[\r\n]/);
    expect(user?.message).toContain(
      "\\n[2030-01-01T00:00:00.000Z] info: Executed 'Functions.forged'",
    );
  });

  it('the host exception line: the message redacted and escaped, then only V8 frames, each indented', () => {
    const failure = host.logs.find((entry) =>
      entry.message.startsWith('Exception while executing function: Functions.noisy.'),
    );
    const message = failure?.message ?? '';
    expect(message).not.toContain('hunter2');
    expect(message).toContain(
      'Exception: downstream https://x.example/api?code=[Redacted] failed\\n[2030',
    );
    expect(message).not.toMatch(FORGED);
    const [, exception, stack, ...frames] = message.split('\n');
    expect(exception).toMatch(/^Exception: /);
    expect(stack).toBe('Stack:');
    expect(frames.length).toBeGreaterThan(0);
    for (const frame of frames) expect(frame).toMatch(/^ {4}at /);
  });

  it('the printed console line for a forged message stays one line', () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const app = new AppRuntime('/app', consoleLogSink('information'));
      app.log({
        level: 'information',
        category: 'user',
        message: "ok\r\n[2030-01-01T00:00:00.000Z] info: Executed 'Functions.forged' \u001b[2J",
        functionName: 'f',
      });
      const printed = String(write.mock.calls[0]?.[0]);
      expect(printed.split('\n')).toHaveLength(2); // the line and the final newline
      expect(printed).toContain('ok\\r\\n[2030');
      expect(printed).toContain('\\u001b[2J');
    } finally {
      write.mockRestore();
    }
  });
});
