import { describe, expect, it } from 'vitest';

import { type PathKind } from './repository.js';
import { BrokenLinkError, type LinkContext, rewriteLinks } from './rewrite-links.js';

const FILES = new Set([
  'README.md',
  'apps/demo/README.md',
  'apps/demo/src/main.ts',
  'apps/demo/apim/policy.xml',
  'apps/e2e/README.md',
  'tools/gateway/README.md',
]);
const DIRS = new Set([
  'apps',
  'apps/demo',
  'apps/demo/src',
  'apps/demo/apim',
  'apps/e2e',
  'tools',
  'tools/gateway',
]);

const context: LinkContext = {
  source: 'apps/demo/README.md',
  pageFor: (path) =>
    ({ 'apps/demo/README.md': 'recipes/demo.md', 'tools/gateway/README.md': 'tools/gateway.md' })[
      path
    ],
  pathKind: (path): PathKind => (FILES.has(path) ? 'file' : DIRS.has(path) ? 'dir' : undefined),
  repository: { url: 'https://example.test/org/repo', ref: 'main' },
};
const blob = (path: string): string => `https://example.test/org/repo/blob/main/${path}`;

describe('rewriteLinks', () => {
  it('turns links to READMEs the site renders into pages, and any other path into a repository URL', () => {
    expect(rewriteLinks('See [the gateway](../../tools/gateway/README.md#keys).', context)).toBe(
      'See [the gateway](/tools/gateway.md#keys).',
    );
    expect(rewriteLinks('[gateway](../../tools/gateway)', context)).toBe(
      '[gateway](/tools/gateway.md)',
    );
    expect(rewriteLinks('[`apim/policy.xml`](apim/policy.xml "policy")', context)).toBe(
      `[\`apim/policy.xml\`](${blob('apps/demo/apim/policy.xml')} "policy")`,
    );
    expect(rewriteLinks('[src](src) and [e2e](../e2e/README.md)', context)).toBe(
      `[src](https://example.test/org/repo/tree/main/apps/demo/src) and [e2e](${blob('apps/e2e/README.md')})`,
    );
  });

  it('sees links and code spans that wrap across lines', () => {
    expect(
      rewriteLinks(
        'See [the\ngateway](../../tools/gateway/README.md) and `src/\nmain.ts`.',
        context,
      ),
    ).toBe('See [the\ngateway](/tools/gateway.md) and `src/\nmain.ts`.');
  });

  it('leaves external links, same-page anchors and code untouched', () => {
    const markdown = [
      '[docs](https://example.org/x) [top](#overview) `[not](a-link.md)`',
      '```md',
      '[inside](nowhere.md)',
      '```',
    ].join('\n');
    expect(rewriteLinks(markdown, context)).toBe(markdown);
  });

  it('links code spans that name a file or folder of the repository, except in headings and link text', () => {
    expect(
      rewriteLinks('Edit `src/main.ts` or `apps/e2e/`, not `dist/x.js` or `a.b`.', context),
    ).toBe(
      `Edit [\`src/main.ts\`](${blob('apps/demo/src/main.ts')}) or [\`apps/e2e/\`](https://example.test/org/repo/tree/main/apps/e2e), not \`dist/x.js\` or \`a.b\`.`,
    );
    expect(rewriteLinks('## `src/main.ts`', context)).toBe('## `src/main.ts`');
  });

  it('turns an image from another origin into a link, so the page loads nothing from elsewhere', () => {
    expect(rewriteLinks('![badge](https://img.example/b.svg)', context)).toBe(
      '[badge](https://img.example/b.svg)',
    );
  });

  it('rewrites reference definitions too', () => {
    expect(rewriteLinks('[policy]: apim/policy.xml', context)).toBe(
      `[policy]: ${blob('apps/demo/apim/policy.xml')}`,
    );
  });

  it('fails naming every link to a path the repository lacks, or outside it', () => {
    expect(() => rewriteLinks('[a](missing.md) [b](../../../outside.md)', context)).toThrow(
      new BrokenLinkError(
        'apps/demo/README.md links to paths that are not in the repository: missing.md, ../../../outside.md',
      ),
    );
  });
});
