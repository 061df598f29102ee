/** A run of markdown lines: prose, or one fenced code block kept verbatim. */
export interface Block {
  kind: 'prose' | 'fence';
  lines: string[];
  /** The fence's info string (`mermaid`, `ts`, …); empty for prose. */
  info: string;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})\s*([^`]*)$/;

/** Splits markdown into prose and fenced code blocks; an unclosed fence runs to the end, as in CommonMark. */
export function splitBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let prose: string[] = [];
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const open = FENCE_OPEN.exec(line);
    if (!open) {
      prose.push(line);
      continue;
    }
    if (prose.length > 0) blocks.push({ kind: 'prose', lines: prose, info: '' });
    prose = [];
    const marker = open[1] ?? '```';
    const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
    const fence = [line];
    while (++index < lines.length) {
      const next = lines[index] ?? '';
      fence.push(next);
      if (close.test(next)) break;
    }
    blocks.push({
      kind: 'fence',
      lines: fence,
      info: (open[2] ?? '').trim().split(/\s+/)[0] ?? '',
    });
  }
  if (prose.length > 0) blocks.push({ kind: 'prose', lines: prose, info: '' });
  return blocks;
}

export const joinBlocks = (blocks: readonly Block[]): string =>
  blocks.map((block) => block.lines.join('\n')).join('\n');

/** Applies `change` to every prose line, leaving code blocks untouched. */
export function mapProseLines(markdown: string, change: (line: string) => string): string {
  return joinBlocks(
    splitBlocks(markdown).map((block) =>
      block.kind === 'prose' ? { ...block, lines: block.lines.map(change) } : block,
    ),
  );
}

/**
 * Applies `change` to each run of consecutive prose lines (a paragraph, list or table; a heading
 * alone), so inline syntax that wraps across lines, like a code span, is seen whole.
 */
export function mapProseChunks(
  markdown: string,
  change: (chunk: string, isHeading: boolean) => string,
): string {
  return joinBlocks(
    splitBlocks(markdown).map((block) => {
      if (block.kind === 'fence') return block;
      const lines: string[] = [];
      let run: string[] = [];
      const flush = (): void => {
        if (run.length > 0) lines.push(...change(run.join('\n'), false).split('\n'));
        run = [];
      };
      for (const line of block.lines) {
        if (line.trim() === '') {
          flush();
          lines.push(line);
        } else if (HEADING.test(line)) {
          flush();
          lines.push(...change(line, true).split('\n'));
        } else {
          run.push(line);
        }
      }
      flush();
      return { ...block, lines };
    }),
  );
}

/** An ATX heading outside code blocks. */
export interface Heading {
  level: number;
  /** The heading's markdown, without the leading #s. */
  text: string;
  /** Line index in the whole document. */
  line: number;
}

const HEADING = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;

export function headings(markdown: string): Heading[] {
  const found: Heading[] = [];
  let line = 0;
  for (const block of splitBlocks(markdown)) {
    if (block.kind === 'prose') {
      block.lines.forEach((text, offset) => {
        const match = HEADING.exec(text);
        if (match)
          found.push({ level: match[1]?.length ?? 1, text: match[2] ?? '', line: line + offset });
      });
    }
    line += block.lines.length;
  }
  return found;
}

/** A heading and every line up to the next heading of the same or a higher level. */
export interface Section {
  heading: Heading;
  /** Lines after the heading line. */
  body: string;
}

export function sections(markdown: string, wanted: (heading: Heading) => boolean): Section[] {
  const lines = markdown.split('\n');
  const all = headings(markdown);
  return all.filter(wanted).map((heading) => {
    const next = all.find((other) => other.line > heading.line && other.level <= heading.level);
    return {
      heading,
      body: lines
        .slice(heading.line + 1, next?.line ?? lines.length)
        .join('\n')
        .trim(),
    };
  });
}

/** Moves every heading outside code blocks `by` levels deeper (capped at h6). */
export function demoteHeadings(markdown: string, by: number): string {
  return mapProseLines(markdown, (line) =>
    line.replace(
      /^( {0,3})(#{1,6})(?=\s)/,
      (_all, indent: string, hashes: string) =>
        `${indent}${'#'.repeat(Math.min(6, hashes.length + by))}`,
    ),
  );
}
