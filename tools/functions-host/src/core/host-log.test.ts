import { afterEach, describe, expect, it, vi } from 'vitest';

import { AppRuntime } from './app-runtime.js';
import { consoleLogSink, type HostLogEntry } from './host-log.js';

describe('host log levels', () => {
  afterEach(() => vi.restoreAllMocks());

  it('prints func-style lines at or above the default sink level and drops the rest', () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const app = new AppRuntime('/app', consoleLogSink('warning'));
    app.log({ level: 'information', category: 'host', message: 'Executing' });
    app.log({ level: 'error', category: 'host', message: 'Executed (Failed)' });
    expect(write).toHaveBeenCalledTimes(1);
    expect(String(write.mock.calls[0]?.[0])).toMatch(/^\[.+\] fail: Executed \(Failed\)\n$/);
    expect(app.isLogEnabled('information')).toBe(false);
    expect(app.isLogEnabled('warning')).toBe(true);
  });

  it('gives a custom sink every level (it does its own filtering)', () => {
    const entries: HostLogEntry[] = [];
    const app = new AppRuntime('/app', (entry) => entries.push(entry));
    app.log({ level: 'trace', category: 'user', message: 'detail', functionName: 'hello' });
    expect(app.isLogEnabled('trace')).toBe(true);
    expect(entries.map((entry) => [entry.level, entry.message])).toEqual([['trace', 'detail']]);
  });

  it('still runs log hooks for a user line the sink drops (hooks may have side effects)', () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const app = new AppRuntime('/app', consoleLogSink('error'));
    const seen: string[] = [];
    app.registerHook('log', (context) => {
      seen.push((context as { message: string }).message);
    });
    app.log({ level: 'information', category: 'user', message: 'hi' });
    expect(seen).toEqual(['hi']);
  });
});
