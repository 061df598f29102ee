import { describe, expect, it } from 'vitest';

import { formatTimeSpan, parseTimeSpan } from './time-span.js';

describe('TimeSpan values in host.json (functionTimeout)', () => {
  it.each([
    ['00:05:00', 300_000],
    ['00:00:01', 1000],
    ['1.02:03:04', 93_784_000],
    ['00:00:00.5', 500],
    ['10:30', 37_800_000],
    ['2', 172_800_000],
    ['-1', -86_400_000],
  ])('parses %j like TimeSpan.Parse (invariant culture)', (text, ms) => {
    expect(parseTimeSpan(text)).toBe(ms);
  });

  it.each(['five minutes', '00:60:00', '24:00:00', '', '1:2:3:4'])('rejects %j', (text) => {
    expect(parseTimeSpan(text)).toBeUndefined();
  });

  it('prints like TimeSpan.ToString() ("c"), as the host does in its timeout lines', () => {
    expect(formatTimeSpan(30 * 60_000)).toBe('00:30:00');
    expect(formatTimeSpan(1000)).toBe('00:00:01');
    expect(formatTimeSpan(93_784_000)).toBe('1.02:03:04');
    expect(formatTimeSpan(1500)).toBe('00:00:01.5000000');
  });
});
