import { headings } from './markdown-blocks.js';

/** YAML frontmatter from plain values; JSON strings are valid YAML scalars. */
export function frontmatter(fields: Record<string, unknown>): string {
  const lines = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return `---\n${lines.join('\n')}\n---\n`;
}

/** The first level-1 heading outside code blocks, or undefined. */
export function pageTitle(markdown: string): string | undefined {
  return headings(markdown).find((heading) => heading.level === 1)?.text;
}
