import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, describe, expect, it } from 'vitest';

import { bundle, createScratchDir, runBundled } from './test-support/run-bundled.js';
import { captureLogs } from './testing/capture-logs.js';

const ENTRY = `
import { createRequire } from 'node:module';
import { getLogger, runWithLogContext, startTelemetry } from '@cookbook/logging';

getLogger().info({ headers: { Authorization: 'Bearer outside-secret' } }, 'outside an invocation');
runWithLogContext(
  { invocationId: 'inv-7', correlationId: '6d9f' },
  () => getLogger().info(
    { item_id: 42, routed_by: 'azure-api-management', correlation_id: '6d9f', cache_status: 'hit' },
    'Handled APIM backend request',
  ),
  { sink: (level, line) => process.stdout.write('SINK ' + level + ' ' + line + '\\n') },
);
const loaded = Object.keys(createRequire(process.cwd() + '/').cache);
process.stdout.write('PRETTY_LOADED ' + loaded.some((path) => path.includes('pino-pretty')) + '\\n');
void startTelemetry({});
`;

const scratch = createScratchDir();
afterAll(() => scratch.remove());

function linesOf(stdout: string): string[] {
  return stdout.split('\n').filter(Boolean);
}

describe('bundled into one file by esbuild (how recipes ship)', () => {
  it.each(['esm', 'cjs'] as const)(
    'logs JSON to stdout and the sink from a %s bundle',
    async (format) => {
      const run = await runBundled(scratch.dir, ENTRY, { format, env: { LOG_FORMAT: 'json' } });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const [outside, inside, pretty] = linesOf(run.stdout);
      expect(JSON.parse(outside ?? '')).toMatchObject({
        level: 'info',
        msg: 'outside an invocation',
        headers: { Authorization: '[Redacted]' },
      });
      expect(inside?.startsWith('SINK info {')).toBe(true);
      expect(JSON.parse(inside?.slice('SINK info '.length) ?? '')).toMatchObject({
        invocationId: 'inv-7',
        correlationId: '6d9f',
        item_id: 42,
      });
      expect(pretty).toBe('PRETTY_LOADED false');
      expect(run.stdout).not.toContain('outside-secret');
    },
  );

  it('prints the .NET-style pretty line and loads pino-pretty only then', async () => {
    const run = await runBundled(scratch.dir, ENTRY, { env: { LOG_FORMAT: 'pretty' } });
    expect(run.stderr).toBe('');
    expect(linesOf(run.stdout)).toEqual([
      '[Information] outside an invocation headers={"Authorization":"[Redacted]"}',
      'SINK info [Information] Handled APIM backend request item_id=42 routed_by=azure-api-management correlation_id=6d9f cache_status=hit invocationId=inv-7 correlationId=6d9f',
      'PRETTY_LOADED true',
    ]);
  });

  it('does not inline @azure/monitor-opentelemetry into the bundle', async () => {
    const run = await runBundled(scratch.dir, ENTRY, { env: { LOG_FORMAT: 'json' } });
    expect(run.bundle).not.toContain('AZURE_MONITOR_DISTRO_VERSION');
    expect(run.bundle).toContain('"@azure/monitor-opentelemetry"');
  });

  it('lets captureLogs() see lines from a bundled copy in the same process (recipe tests run the bundle in-process)', async () => {
    const file = join(scratch.dir, 'in-process.mjs');
    await bundle(`export { getLogger, runWithLogContext } from '@cookbook/logging';`, 'esm', file);
    const bundled = (await import(pathToFileURL(file).href)) as typeof import('./index.js');
    const logs = captureLogs();
    try {
      bundled.runWithLogContext({ correlationId: 'from-bundle' }, () =>
        bundled.getLogger().info({ password: 'p' }, 'bundled line'),
      );
    } finally {
      logs.restore();
    }
    expect(logs.records).toEqual([
      expect.objectContaining({
        correlationId: 'from-bundle',
        password: '[Redacted]',
        msg: 'bundled line',
      }),
    ]);
  });

  it('bundles every export of every entry point without an esbuild warning', async () => {
    const warnings: string[] = [];
    const text = await bundle(
      `export * from '@cookbook/logging'; export * from '@cookbook/logging/testing'; export { getScopeValue } from '@cookbook/logging/internal';`,
      'esm',
      join(scratch.dir, 'everything.mjs'),
      warnings,
    );
    expect(warnings).toEqual([]);
    expect(text).toContain('function captureLogs');
    expect(text).toContain('function getScopeValue');
  });
});
