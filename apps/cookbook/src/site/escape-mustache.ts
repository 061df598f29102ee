import type { MarkdownRenderer } from 'vitepress';

const escape = (html: string): string =>
  html.replaceAll('{{', '&#123;&#123;').replaceAll('}}', '&#125;&#125;');

/**
 * VitePress compiles pages as Vue templates, so `{{named value}}` in a README would be evaluated.
 * Text and inline code are escaped; code blocks are already `v-pre`.
 */
export function escapeMustache(md: MarkdownRenderer): void {
  for (const rule of ['text', 'code_inline'] as const) {
    const original = md.renderer.rules[rule];
    md.renderer.rules[rule] = (tokens, index, options, env, self) =>
      escape(
        original
          ? original(tokens, index, options, env, self)
          : self.renderToken(tokens, index, options),
      );
  }
}
