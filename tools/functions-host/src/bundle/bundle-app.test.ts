import { readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';

import { afterAll, describe, expect, it } from 'vitest';

import { copyFixture, startFixture } from '../testing/fixture-host.js';
import { bundleApp } from './bundle-app.js';

const fixture = copyFixture('bundle-app');
afterAll(() => fixture.remove());

describe('bundleApp (esbuild single file)', () => {
  it('bundles src/main.ts with workspace libs from source and keeps core + heavy lazy deps external', async () => {
    const result = await bundleApp(fixture.dir);
    expect(result.outfile).toBe(`${fixture.dir}/dist/main.js`);
    const code = readFileSync(result.outfile, 'utf8');
    expect(code).toContain('from the library source');
    expect(code).toContain('"@azure/functions-core"');
    expect(code).toContain('import("@azure/monitor-opentelemetry")');
    expect(code).toContain('//# sourceMappingURL=main.js.map');
    // bare builtins are written as node: specifiers, which every ESM loader (vitest's too) knows
    expect(code).toContain('from "node:util"');
    expect(code).not.toContain('from "util"');
    expect(readFileSync(`${result.outfile}.map`, 'utf8')).toContain('src/main.ts');
  });

  it('the source map holds mappings, not the sources: a bundle line still maps to its original file', async () => {
    const result = await bundleApp(fixture.dir);
    const payload = JSON.parse(readFileSync(`${result.outfile}.map`, 'utf8')) as SourceMapPayload;
    expect(payload.sourcesContent).toBeUndefined();
    const lines = readFileSync(result.outfile, 'utf8').split('\n');
    const line = lines.findIndex((text) => text.includes('from the library source'));
    const column = lines[line]?.indexOf('from the library source') ?? -1;
    const entry = new SourceMap(payload).findEntry(line, column);
    expect('originalSource' in entry && entry.originalSource).toMatch(/@fixture\/greeting\//);
  });

  it('the bundle (library inlined, ESM named imports) runs in the host', async () => {
    await bundleApp(fixture.dir);
    const host = await startFixture(fixture.dir);
    try {
      const response = await host.get('/api/greet?name=Ada');
      expect(await response.text()).toBe('Hi Ada, from the library source');
    } finally {
      await host.close();
    }
  });
});
