import { describe, expect, it } from 'vitest';

import {
  demoteHeadings,
  headings,
  mapProseLines,
  sections,
  splitBlocks,
} from './markdown-blocks.js';

const README = [
  '# Tool',
  '',
  '```bash',
  '# a shell comment, not a heading',
  '```',
  '',
  '## Usage',
  'text',
  '### Detail',
  '~~~',
  '## inside a tilde fence',
  '~~~',
  '## Next',
  'more',
].join('\n');

describe('markdown blocks', () => {
  it('tells fenced code from prose, so headings inside fences are not headings', () => {
    expect(headings(README).map((heading) => [heading.level, heading.text, heading.line])).toEqual([
      [1, 'Tool', 0],
      [2, 'Usage', 6],
      [3, 'Detail', 8],
      [2, 'Next', 12],
    ]);
    expect(splitBlocks(README).map((block) => [block.kind, block.info])).toEqual([
      ['prose', ''],
      ['fence', 'bash'],
      ['prose', ''],
      ['fence', ''],
      ['prose', ''],
    ]);
  });

  it('keeps every line when rejoined, and an unclosed fence runs to the end', () => {
    expect(mapProseLines(README, (line) => line)).toBe(README);
    const unclosed = 'a\n```ts\n# not a heading\n';
    expect(headings(unclosed)).toEqual([]);
    expect(mapProseLines(unclosed, (line) => line.toUpperCase())).toBe(
      'A\n```ts\n# not a heading\n',
    );
  });

  it('cuts a section at the next heading of the same or a higher level', () => {
    const [usage] = sections(README, (heading) => heading.text === 'Usage');
    expect(usage?.body).toBe('text\n### Detail\n~~~\n## inside a tilde fence\n~~~');
  });

  it('demotes headings outside code only, capped at h6', () => {
    expect(demoteHeadings('## A\n```\n## code\n```\n###### F', 2)).toBe(
      '#### A\n```\n## code\n```\n###### F',
    );
  });
});
