import { afterEach, describe, expect, it, vi } from 'vitest';

import { getLogger, resetLogger } from './get-logger.js';

describe('getLogger', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    resetLogger();
  });

  it('returns one process-wide logger', () => {
    expect(getLogger()).toBe(getLogger());
  });

  it('is created lazily from LOG_LEVEL, and resetLogger re-reads it', () => {
    vi.stubEnv('LOG_LEVEL', 'debug');
    resetLogger();
    expect(getLogger().level).toBe('debug');
    vi.stubEnv('LOG_LEVEL', 'error');
    expect(getLogger().level).toBe('debug');
    resetLogger();
    expect(getLogger().level).toBe('error');
  });

  it('writes JSON to stdout outside an invocation when LOG_FORMAT=json', () => {
    vi.stubEnv('LOG_FORMAT', 'json');
    resetLogger();
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    let written: unknown[][];
    try {
      getLogger().info({ item_id: 42 }, 'to stdout');
    } finally {
      written = [...write.mock.calls];
      write.mockRestore();
    }
    expect(written).toHaveLength(1);
    expect(JSON.parse(String(written[0]?.[0]))).toMatchObject({ item_id: 42, msg: 'to stdout' });
  });
});
