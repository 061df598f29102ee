import { mapProseChunks } from './markdown-blocks.js';

// CommonMark HTML block tags (types 1 and 6): a line starting with one of these may interrupt a paragraph.
const BLOCK_TAGS = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir ' +
    'div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html ' +
    'iframe legend li link main menu menuitem nav noframes ol optgroup option p param search section summary ' +
    'table tbody td tfoot th thead title tr track ul pre script style textarea'
  ).split(' '),
);
// Inline HTML a README may use on purpose; anything else (`<rg>`, `<app>`) is a placeholder in prose.
const INLINE_TAGS = new Set(
  (
    'a abbr b bdi bdo br cite code data del dfn em i img ins kbd mark picture q s samp small source span ' +
    'strong sub sup time u var wbr video audio'
  ).split(' '),
);

const TAG_AT_LINE_START = /^\s*<\/?([A-Za-z][\w-]*)/;
// `<name` followed by a space, `/` or `>`: not an autolink (`<https://…>`) or an e-mail (`<a@b.c>`).
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])/g;
const CODE_SPAN = /(`+)(?:[^`]|[^`][\s\S]*?[^`])\1(?!`)/g;

const isHtml = (name: string): boolean =>
  BLOCK_TAGS.has(name.toLowerCase()) || INLINE_TAGS.has(name.toLowerCase());

/**
 * README prose that GitHub shows but VitePress would compile as Vue elements: placeholders such as
 * `<rg>` outside code become text, and a wrapped line starting with one is joined to the line
 * before (VitePress starts an HTML block there; CommonMark continues the paragraph).
 */
export function escapeStrayHtml(markdown: string): string {
  return mapProseChunks(markdown, (chunk) => {
    const lines = chunk.split('\n');
    const joined: string[] = [];
    for (const line of lines) {
      const tag = TAG_AT_LINE_START.exec(line)?.[1];
      const previous = joined.at(-1);
      if (
        tag &&
        !BLOCK_TAGS.has(tag.toLowerCase()) &&
        previous !== undefined &&
        !previous.trimStart().startsWith('|')
      ) {
        joined[joined.length - 1] = `${previous} ${line.trimStart()}`;
      } else {
        joined.push(line);
      }
    }
    const text = joined.join('\n');
    const code = [...text.matchAll(CODE_SPAN)].map((match): [number, number] => [
      match.index,
      match.index + match[0].length,
    ]);
    return text.replace(TAG, (found: string, slash: string, name: string, at: number) =>
      isHtml(name) || code.some(([from, to]) => at >= from && at < to)
        ? found
        : `&lt;${slash}${name}`,
    );
  });
}
