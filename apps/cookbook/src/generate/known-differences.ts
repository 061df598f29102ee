import { headingText, slugify } from '../site/slugify.js';
import { frontmatter, pageTitle } from './frontmatter.js';
import { demoteHeadings, sections } from './markdown-blocks.js';

/** Headings that introduce a tool's differences from Azure ("Documented divergences from Azure", "How it differs"). */
export const DIFFERENCE_HEADING = /\b(?:differ|diverg)/i;

/** Thrown when a tool README has no section on its differences from Azure. */
export class MissingDifferencesError extends Error {
  override name = 'MissingDifferencesError';
}

/** A tool README, with links already rewritten for the site. */
export interface DifferenceSource {
  name: string;
  /** Workspace-relative README path. */
  source: string;
  /** The tool's own page on the site. */
  page: string;
  markdown: string;
}

/** The known-differences page: every matching section of every tool README, under the tool's name. */
export function knownDifferencesPage(tools: readonly DifferenceSource[]): string {
  const out = [
    frontmatter({
      title: 'Known differences from Azure',
      description: 'Where the local Functions host and APIM gateway behave differently from Azure.',
    }),
    '# Known differences from Azure',
    '',
    'The local stack runs the same code and policy files as Azure, and reproduces what it can. What it',
    'does differently is listed below, gathered when the site is built from the sections of the',
    "tools' READMEs whose headings name differences or divergences. Each tool's page has the full context.",
  ];
  for (const tool of tools) {
    const found = sections(
      tool.markdown,
      (heading) => heading.level > 1 && DIFFERENCE_HEADING.test(heading.text),
    );
    if (found.length === 0) {
      throw new MissingDifferencesError(
        `${tool.source} has no section on its differences from Azure: the known-differences page needs a heading matching ${DIFFERENCE_HEADING} (e.g. "## Known divergences from Azure").`,
      );
    }
    const title = pageTitle(tool.markdown) ?? tool.name;
    out.push('', `## ${title}`);
    for (const { heading, body } of found) {
      const text = headingText(heading.text);
      out.push(
        '',
        `### ${heading.text}`,
        '',
        `In context: [${title}, ${text}](/${tool.page}#${slugify(text)}).`,
        '',
        pointAnchorsAtToolPage(demoteHeadings(body, 3 - heading.level), tool.page),
      );
    }
  }
  return `${out.join('\n')}\n`;
}

/** A link to another section of the same README (`](#x)`) points at the tool's page once moved here. */
function pointAnchorsAtToolPage(markdown: string, page: string): string {
  return markdown.replace(/\]\(#([^)\s]+)\)/g, (_, anchor: string) => `](/${page}#${anchor})`);
}
