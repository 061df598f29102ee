import { readFileSync } from 'node:fs';

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
