import type { MarkdownRenderer } from 'vitepress';

/** Renders ```mermaid fences as <MermaidDiagram>, which draws the SVG in the browser with the bundled mermaid. */
export function mermaidFence(md: MarkdownRenderer): void {
  const fallback = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, index, options, env, self) => {
    const token = tokens[index];
    if (token && token.info.trim().split(/\s+/)[0] === 'mermaid') {
      // URI-encoded so the diagram source survives as a Vue attribute whatever it contains.
      return `<MermaidDiagram code="${encodeURIComponent(token.content)}" />\n`;
    }
    return fallback
      ? fallback(tokens, index, options, env, self)
      : self.renderToken(tokens, index, options);
  };
}
