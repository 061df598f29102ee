import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { readRoutePrefix, ROUTE_PREFIX_SETTING } from './read-route-prefix.js';

describe('readRoutePrefix (host.json extensions.http.routePrefix)', () => {
  let directory = '';
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'http-kit-host-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  async function hostJson(content: unknown): Promise<string> {
    const path = join(directory, 'host.json');
    await writeFile(path, JSON.stringify(content));
    return path;
  }

  it('defaults to "api" like the host', async () => {
    expect(await readRoutePrefix(await hostJson({ version: '2.0' }), {})).toBe('api');
  });

  it('reads the configured prefix, including the empty one', async () => {
    const path = await hostJson({ version: '2.0', extensions: { http: { routePrefix: 'v1' } } });
    expect(await readRoutePrefix(path, {})).toBe('v1');
    const empty = await hostJson({ version: '2.0', extensions: { http: { routePrefix: '' } } });
    expect(await readRoutePrefix(empty, {})).toBe('');
  });

  it('lets the app setting override host.json', async () => {
    const path = await hostJson({ extensions: { http: { routePrefix: 'v1' } } });
    expect(await readRoutePrefix(path, { [ROUTE_PREFIX_SETTING]: 'v2' })).toBe('v2');
  });

  it('explains a missing or invalid file', async () => {
    await expect(readRoutePrefix(join(directory, 'missing.json'), {})).rejects.toThrow(
      /Cannot read the route prefix/,
    );
    const bad = await hostJson({ extensions: { http: { routePrefix: 5 } } });
    await expect(readRoutePrefix(bad, {})).rejects.toThrow(/must be a string/);
  });
});
