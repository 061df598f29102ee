import { describe, expect, it } from 'vitest';

import { levelFromNumber, logLevelFromEnv } from './log-level.js';

describe('logLevelFromEnv', () => {
  it('accepts known levels case-insensitively', () => {
    expect(logLevelFromEnv(' WARN ')).toBe('warn');
    expect(logLevelFromEnv('silent')).toBe('silent');
  });
  it('falls back to info', () => {
    expect(logLevelFromEnv('loud')).toBe('info');
    expect(logLevelFromEnv(undefined)).toBe('info');
  });
});

describe('levelFromNumber', () => {
  it('maps the pino level numbers', () => {
    expect([10, 20, 30, 40, 50, 60].map(levelFromNumber)).toEqual([
      'trace',
      'debug',
      'info',
      'warn',
      'error',
      'fatal',
    ]);
  });
  it('maps custom numbers to the nearest lower standard level', () => {
    expect(levelFromNumber(35)).toBe('info');
    expect(levelFromNumber(5)).toBe('trace');
    expect(levelFromNumber(99)).toBe('fatal');
  });
});
