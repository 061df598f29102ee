import { describe, expect, it } from 'vitest';

import { isDatabaseUnavailable, isUniqueViolation, withDatabase } from './database-errors.js';
import { shouldMigrateAtStart } from './migrate-at-start.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('knows network errors, server shutdown SQLSTATEs and pg connection messages', () => {
    for (const error of [
      withCode('ECONNREFUSED'),
      withCode('ETIMEDOUT'),
      withCode('57P01'),
      withCode('53300'),
      withCode('08006'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      new AggregateError([withCode('ECONNREFUSED')], 'all addresses failed'),
    ]) {
      expect(isDatabaseUnavailable(error), error.message).toBe(true);
    }
  });

  it('leaves statement errors alone (they are bugs, not outages)', () => {
    for (const error of [
      withCode('42P01'),
      withCode('23505'),
      new Error('boom'),
      'ECONNREFUSED',
      null,
    ]) {
      expect(isDatabaseUnavailable(error)).toBe(false);
    }
    expect(isUniqueViolation(withCode('23505'))).toBe(true);
  });
});

describe('withDatabase', () => {
  it('turns an outage into a 503 problem with Retry-After', async () => {
    const failure = withDatabase(() => Promise.reject(withCode('ECONNREFUSED')));
    await expect(failure).rejects.toMatchObject({ status: 503, headers: { 'retry-after': '5' } });
  });

  it('passes results and other errors through', async () => {
    await expect(withDatabase(() => Promise.resolve(42))).resolves.toBe(42);
    await expect(withDatabase(() => Promise.reject(withCode('42P01')))).rejects.toMatchObject({
      code: '42P01',
    });
  });
});

describe('shouldMigrateAtStart', () => {
  it('migrates PGlite always, a server only when asked, and never when told not to', () => {
    expect(shouldMigrateAtStart('pglite', undefined)).toBe(true);
    expect(shouldMigrateAtStart('postgres', undefined)).toBe(false);
    expect(shouldMigrateAtStart('postgres', 'true')).toBe(true);
    expect(shouldMigrateAtStart('pglite', 'false')).toBe(false);
  });
});
