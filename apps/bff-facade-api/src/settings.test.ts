import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { DASHBOARD_SETTING_NAMES, readDashboardSettings } from './settings.js';

const URLS = {
  PROFILE_SERVICE_URL: 'https://profile.internal.example/v1/profiles',
  ORDERS_SERVICE_URL: 'https://orders.internal.example/v1/orders',
  RECOMMENDATIONS_SERVICE_URL: 'http://127.0.0.1:7180/recommendations',
};

describe('readDashboardSettings', () => {
  it('reads the URLs and defaults each timeout and the deadline', () => {
    expect(readDashboardSettings(URLS)).toEqual({
      ...URLS,
      PROFILE_TIMEOUT_MS: 1000,
      ORDERS_TIMEOUT_MS: 800,
      RECOMMENDATIONS_TIMEOUT_MS: 500,
      DASHBOARD_DEADLINE_MS: 1500,
    });
    expect(readDashboardSettings({ ...URLS, ORDERS_TIMEOUT_MS: '250' }).ORDERS_TIMEOUT_MS).toBe(
      250,
    );
  });

  it('names every missing or malformed setting and says how to get them', () => {
    const read = () =>
      readDashboardSettings({ ...URLS, ORDERS_SERVICE_URL: 'ftp://x', PROFILE_SERVICE_URL: '' });
    expect(read).toThrow(/PROFILE_SERVICE_URL.*ORDERS_SERVICE_URL: must be an http\(s\) URL/);
    expect(read).toThrow('npx nx serve bff-facade-api');
    expect(() => readDashboardSettings({ ...URLS, DASHBOARD_DEADLINE_MS: '0' })).toThrow(
      'DASHBOARD_DEADLINE_MS',
    );
  });
});

describe('the IaC', () => {
  it.each(['main.bicep', 'main.tf'])('%s sets every setting the app reads', (file) => {
    const text = readFileSync(join(import.meta.dirname, '..', 'infra', file), 'utf8');
    for (const name of DASHBOARD_SETTING_NAMES)
      expect(text).toMatch(new RegExp(`\\b${name}\\s*[:=]`));
  });
});
