import { describe, expect, it } from 'vitest';

import { readSettings } from './settings.js';

describe('readSettings', () => {
  it('defaults to a 15 s heartbeat, a 3 s retry and a 100 MiB upload limit', () => {
    expect(readSettings({})).toEqual({
      SSE_HEARTBEAT_MS: 15_000,
      SSE_RETRY_MS: 3_000,
      UPLOAD_LIMIT_BYTES: 104_857_600,
    });
  });

  it('reads the app settings as numbers, an empty one as unset', () => {
    expect(
      readSettings({ SSE_HEARTBEAT_MS: '250', SSE_RETRY_MS: '', UPLOAD_LIMIT_BYTES: '65536' }),
    ).toEqual({ SSE_HEARTBEAT_MS: 250, SSE_RETRY_MS: 3_000, UPLOAD_LIMIT_BYTES: 65_536 });
  });

  it('names the setting that is wrong', () => {
    expect(() => readSettings({ SSE_HEARTBEAT_MS: 'soon' })).toThrow(/SSE_HEARTBEAT_MS/);
    expect(() => readSettings({ UPLOAD_LIMIT_BYTES: '-1' })).toThrow(/UPLOAD_LIMIT_BYTES/);
  });
});
