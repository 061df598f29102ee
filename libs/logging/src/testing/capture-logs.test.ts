import { afterEach, describe, expect, it, vi } from 'vitest';

import { getLogger } from '../get-logger.js';
import { runWithLogContext } from '../log-context.js';
import { captureLogs } from './capture-logs.js';

describe('captureLogs', () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  it('returns parsed records and raw lines from getLogger()', () => {
    const logs = captureLogs();
    restore = logs.restore;
    runWithLogContext({ correlationId: 'c-1' }, () => getLogger().info({ item_id: 42 }, 'Handled'));
    expect(logs.records).toEqual([
      expect.objectContaining({ level: 'info', correlationId: 'c-1', item_id: 42, msg: 'Handled' }),
    ]);
    expect(JSON.parse(logs.lines[0] ?? '')).toEqual(logs.records[0]);
  });

  it('captures lines that would go to an invocation sink', () => {
    const logs = captureLogs();
    restore = logs.restore;
    const sinkLines: string[] = [];
    runWithLogContext({}, () => getLogger().warn('w'), {
      sink: (_l, line) => sinkLines.push(line),
    });
    expect(logs.records).toHaveLength(1);
    expect(sinkLines).toEqual([]);
  });

  it('can lower the level while capturing and restores it', () => {
    const before = getLogger().level;
    const logs = captureLogs({ level: 'trace' });
    getLogger().trace('t');
    logs.restore();
    logs.restore();
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    let written: unknown[][];
    try {
      getLogger().error('not captured');
    } finally {
      written = [...write.mock.calls];
      write.mockRestore();
    }
    expect(logs.records.map((r) => r.msg)).toEqual(['t']);
    expect(String(written[0]?.[0])).toContain('not captured');
    expect(getLogger().level).toBe(before);
  });
});
