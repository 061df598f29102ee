import { describe, expect, it } from 'vitest';

import { logFormatFromEnv } from './log-format.js';

describe('logFormatFromEnv', () => {
  it('honours LOG_FORMAT in any casing', () => {
    expect(logFormatFromEnv('Pretty', false)).toBe('pretty');
    expect(logFormatFromEnv(' JSON ', true)).toBe('json');
  });
  it('defaults to pretty on a terminal and JSON elsewhere (the Functions worker has no TTY)', () => {
    expect(logFormatFromEnv(undefined, true)).toBe('pretty');
    expect(logFormatFromEnv(undefined, false)).toBe('json');
    expect(logFormatFromEnv('yaml', false)).toBe('json');
  });
});
