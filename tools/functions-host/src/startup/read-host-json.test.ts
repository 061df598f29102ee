import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { readHostJson } from './read-host-json.js';
import { StartupError } from './startup-error.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function withHostJson(json: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'host-json-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'host.json'), JSON.stringify(json));
  return dir;
}

describe('host.json: functionTimeout and the HTTP request queue', () => {
  it('reads functionTimeout, maxOutstandingRequests and maxConcurrentRequests from host.json', async () => {
    const dir = withHostJson({
      version: '2.0',
      functionTimeout: '00:10:00',
      extensions: { http: { maxOutstandingRequests: 200, maxConcurrentRequests: 100 } },
    });
    expect(await readHostJson(dir, {})).toMatchObject({
      functionTimeoutMs: 600_000,
      functionTimeoutText: '00:10:00',
      maxOutstandingRequests: 200,
      maxConcurrentRequests: 100,
    });
  });

  it('defaults: Flex Consumption functionTimeout (00:30:00, no maximum), unbounded queue', async () => {
    expect(await readHostJson(withHostJson({ version: '2.0' }), {})).toMatchObject({
      functionTimeoutMs: 1_800_000,
      maxOutstandingRequests: -1,
      maxConcurrentRequests: -1,
      dynamicThrottlesEnabled: false,
    });
  });

  it('app settings override host.json (AzureFunctionsJobHost__...)', async () => {
    const dir = withHostJson({ version: '2.0', functionTimeout: '00:10:00' });
    const settings = await readHostJson(dir, {
      AzureFunctionsJobHost__functionTimeout: '01:00:00',
      AzureFunctionsJobHost__extensions__http__maxConcurrentRequests: '4',
    });
    expect(settings).toMatchObject({ functionTimeoutMs: 3_600_000, maxConcurrentRequests: 4 });
  });

  it.each([
    [
      { extensions: { http: { maxConcurrentRequests: 0 } } },
      /extensions\.http\.maxConcurrentRequests must be a whole number/,
    ],
    [
      { extensions: { http: { maxOutstandingRequests: 2.5 } } },
      /extensions\.http\.maxOutstandingRequests must be a whole number/,
    ],
    [{ functionTimeout: true }, /functionTimeout must be a TimeSpan/],
  ])('refuses %j at start-up, naming the file and setting', async (extra, message) => {
    const dir = withHostJson({ version: '2.0', ...extra });
    const error = await readHostJson(dir, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(join(dir, 'host.json'));
  });
});
