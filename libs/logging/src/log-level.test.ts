import { describe, expect, it } from 'vitest';

import { logLevelFromEnv } from './log-level.js';

describe('logLevelFromEnv', () => {
  it('accepts known levels case-insensitively', () => {
    expect(logLevelFromEnv(' WARN ')).toBe('warn');
  });
  it('falls back to info', () => {
    expect(logLevelFromEnv('loud')).toBe('info');
    expect(logLevelFromEnv(undefined)).toBe('info');
  });
});
