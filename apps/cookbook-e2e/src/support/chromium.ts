import { existsSync } from 'node:fs';

import { chromium } from '@playwright/test';

/** Debian/Ubuntu's chromium, for machines where Playwright cannot download its own browser. */
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * The browser to launch: CHROMIUM_PATH when set, Playwright's own Chromium when installed,
 * else the system package; undefined lets Playwright explain what to install.
 */
export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env['CHROMIUM_PATH']) return env['CHROMIUM_PATH'];
  if (existsSync(chromium.executablePath())) return undefined;
  return SYSTEM_CHROMIUM.find((path) => existsSync(path));
}

/** Flags for a headless browser in a container: no sandbox, GPU or background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
