import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createMarkdownRenderer } from 'vitepress';
import { describe, expect, it } from 'vitest';

import { escapeMustache } from './escape-mustache.js';
import { mermaidFence } from './mermaid-fence.js';

// VitePress' own renderer, configured as the site configures it.
const md = await createMarkdownRenderer(mkdtempSync(join(tmpdir(), 'cookbook-md-')), {
  config(renderer) {
    renderer.use(escapeMustache);
    renderer.use(mermaidFence);
  },
});

describe('site markdown', () => {
  it('turns mermaid fences into <MermaidDiagram> with the source URI-encoded, other fences into code', () => {
    const html = md.render(
      '```mermaid\nflowchart LR\n  a["x <b>"] --> b\n```\n\n```ts\nconst a = 1;\n```\n',
    );
    expect(html).toContain(
      `<MermaidDiagram code="${encodeURIComponent('flowchart LR\n  a["x <b>"] --> b\n')}" />`,
    );
    expect(html).toContain('language-ts');
    expect(html).not.toContain('language-mermaid');
  });

  it('escapes {{ }} in text and inline code so Vue does not evaluate README text', () => {
    const html = md.render('Uses a `{{named value}}` and {{ 1 + 1 }}.');
    expect(html).not.toContain('{{');
    expect(html).toContain('<code>&#123;&#123;named value&#125;&#125;</code>');
  });
});
