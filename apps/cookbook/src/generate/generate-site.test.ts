import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { generateSite } from './generate-site.js';
import { BrokenLinkError } from './rewrite-links.js';

const repository = { url: 'https://example.test/org/repo', ref: 'main' };

const recipeReadme = (title: string, extra = ''): string =>
  [
    `# ${title}`,
    '',
    'Trigger: HTTP | Guarantee: idempotent | Complexity: beginner',
    '',
    '## Overview',
    `Uses \`src/main.ts\`; see [the gateway](../../tools/apim-gateway/README.md). ${extra}`,
    '## Architecture',
    '```mermaid',
    'flowchart LR',
    '  a --> b',
    '```',
    '## Run Locally',
    '```bash',
    'npx nx serve demo',
    '```',
    '## Expected Output',
    '```text',
    'Hello',
    '```',
    '## Production Considerations',
    '- none',
  ].join('\n');

const metadata = (title: string, complexity: string, tags: string[], related: string[] = []) => ({
  title,
  summary: `${title} summary`,
  trigger: 'HTTP',
  guarantee: 'idempotent',
  complexity,
  tags,
  related,
  libs: ['http-kit'],
  local: { readyPath: '/api/x' },
});

/** A workspace with two recipes (one with an OpenAPI document), the libraries and tools the site reads. */
function workspace(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'cookbook-generate-'));
  const all: Record<string, string> = {
    'package.json': JSON.stringify({ description: 'Recipes, tested.' }),
    'README.md': '# The Cookbook\n\nStart with [demo](apps/demo/README.md).\n',
    'apps/demo/package.json': JSON.stringify({
      nx: { name: 'demo', tags: ['type:recipe'] },
      cookbook: metadata('Demo', 'intermediate', ['caching'], ['plain']),
    }),
    'apps/demo/README.md': recipeReadme('Demo'),
    'apps/demo/src/main.ts': '',
    'apps/demo/dist/openapi.json': JSON.stringify({
      openapi: '3.1.0',
      info: { title: 'Demo API', version: '1' },
      paths: {
        '/demo': { get: { operationId: 'getDemo', responses: { '200': { description: 'ok' } } } },
      },
    }),
    'apps/plain/package.json': JSON.stringify({
      nx: { name: 'plain', tags: ['type:recipe'] },
      cookbook: metadata('Plain', 'beginner', ['basics']),
    }),
    'apps/plain/README.md': recipeReadme('Plain'),
    'apps/e2e/package.json': JSON.stringify({ nx: { name: 'e2e', tags: ['type:e2e'] } }),
    'libs/http-kit/README.md': '# @cookbook/http-kit\n\nRoutes as data.\n',
    'libs/logging/README.md': '# @cookbook/logging\n\nLogs.\n',
    'tools/functions-host/README.md':
      '# @cookbook/functions-host\n\n## Documented divergences from Azure\n\n- no admin API\n',
    'tools/apim-gateway/README.md':
      '# @cookbook/apim-gateway\n\n## Known divergences from real APIM\n\n- exact counters\n',
    ...files,
  };
  for (const [path, content] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe('generateSite', () => {
  const root = workspace();
  const outDir = join(root, 'apps/cookbook/dist/pages');
  const files = generateSite({ root, outDir, repository });
  const read = (path: string): string => readFileSync(join(outDir, path), 'utf8');

  it('writes a page per recipe, library and tool, the catalog, the differences page, home and navigation', () => {
    expect(files).toEqual([
      'index.md',
      'known-differences.md',
      'libs/http-kit.md',
      'libs/logging.md',
      'recipes/catalog.json',
      'recipes/demo.md',
      'recipes/index.md',
      'recipes/plain.md',
      'site.json',
      'tools/apim-gateway.md',
      'tools/functions-host.md',
    ]);
  });

  it('builds a recipe page from its README: facts, rewritten links, and its API operations before production notes', () => {
    const page = read('recipes/demo.md');
    expect(
      page.startsWith(
        '---\ntitle: "Demo"\ndescription: "Demo summary"\nsource: "apps/demo/README.md"\n---\n',
      ),
    ).toBe(true);
    expect(page).toContain('- **Tags:** [caching](/recipes/?tag=caching)');
    expect(page).toContain('- **Libraries:** [http-kit](/libs/http-kit.md)');
    expect(page).toContain('- **Related recipes:** [Plain](/recipes/plain.md)');
    expect(page).toContain(
      '[`src/main.ts`](https://example.test/org/repo/blob/main/apps/demo/src/main.ts)',
    );
    expect(page).toContain('[the gateway](/tools/apim-gateway.md)');
    expect(page).toContain('```mermaid\nflowchart LR');
    expect(page.indexOf('## API operations')).toBeLessThan(
      page.indexOf('## Production Considerations'),
    );
    expect(page).toContain('· operation `getDemo`');
    expect(read('recipes/plain.md')).toContain('This recipe publishes no OpenAPI document');
  });

  it('writes the catalog data in registry order and a sidebar grouped by complexity', () => {
    const catalog = JSON.parse(read('recipes/catalog.json')) as {
      name: string;
      link: string;
      tags: string[];
    }[];
    expect(catalog.map((entry) => [entry.name, entry.link, entry.tags])).toEqual([
      ['plain', '/recipes/plain', ['basics']],
      ['demo', '/recipes/demo', ['caching']],
    ]);
    const site = JSON.parse(read('site.json')) as {
      title: string;
      sidebar: { text: string; items: { link: string }[] }[];
    };
    expect(site.title).toBe('The Cookbook');
    expect(site.sidebar[0]?.items.map((item) => item.link)).toEqual([
      '/recipes/',
      '/recipes/plain',
      '/recipes/demo',
    ]);
  });

  it('makes the root README the home page, its recipe links pointing at recipe pages', () => {
    const home = read('index.md');
    expect(home).toContain('layout: home');
    expect(home).toContain('tagline: "Recipes, tested."');
    expect(home).toContain('Start with [demo](/recipes/demo.md).');
    expect(home).not.toContain('# The Cookbook');
  });

  it('gathers both tools’ difference sections', () => {
    const page = read('known-differences.md');
    expect(page).toContain('### Documented divergences from Azure');
    expect(page).toContain('- exact counters');
  });

  it('fails, writing nothing, when a README links to a missing file or a tool documents no differences', () => {
    const broken = workspace({ 'apps/plain/README.md': recipeReadme('Plain', '[gone](gone.md)') });
    const brokenOut = join(broken, 'out');
    expect(() => generateSite({ root: broken, outDir: brokenOut, repository })).toThrow(
      BrokenLinkError,
    );
    expect(() => readFileSync(join(brokenOut, 'site.json'))).toThrow();
    const unbuilt = workspace({
      'apps/plain/package.json': JSON.stringify({
        nx: {
          name: 'plain',
          tags: ['type:recipe'],
          targets: { openapi: { outputs: ['{projectRoot}/dist/openapi.json'] } },
        },
        cookbook: metadata('Plain', 'beginner', ['basics']),
      }),
    });
    expect(() => generateSite({ root: unbuilt, outDir: join(unbuilt, 'out'), repository })).toThrow(
      'apps/plain/dist/openapi.json is missing: build the recipe first (npx nx build plain)',
    );
    const silent = workspace({ 'tools/apim-gateway/README.md': '# Gateway\n\n## Usage\n' });
    expect(() => generateSite({ root: silent, outDir: join(silent, 'out'), repository })).toThrow(
      'tools/apim-gateway/README.md has no section on its differences from Azure',
    );
  });
});
