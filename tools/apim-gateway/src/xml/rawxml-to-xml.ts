import { expressionEnd } from './expression-extent.js';
import { isNameStart } from './xml-text.js';

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * APIM `rawxml` (what the portal, APIOps and the policy toolkit export) as well-formed XML: inside
 * `@(...)` / `@{...}` expressions, in attribute values and in element text, the C# is taken
 * literally, so its quotes, `<`, `>` and `&` are escaped. Everything else is read as XML. Line
 * breaks are kept, so line numbers in errors still point into the file as written.
 */
export function rawxmlToXml(source: string): string {
  let out = '';
  let i = 0;
  let textStart = 0;
  const copyThrough = (terminator: string): void => {
    const end = source.indexOf(terminator, i);
    const stop = end < 0 ? source.length : end + terminator.length;
    out += source.slice(i, stop);
    i = stop;
    textStart = i;
  };
  while (i < source.length) {
    if (source.startsWith('<!--', i)) copyThrough('-->');
    else if (source.startsWith('<![CDATA[', i)) copyThrough(']]>');
    else if (source.startsWith('<?', i) || source.startsWith('</', i)) copyThrough('>');
    else if (source[i] === '<' && isNameStart(source[i + 1])) {
      const [tag, end] = startTag(source, i);
      out += tag;
      i = end;
      textStart = i;
    } else if (startsExpression(source, i) && source.slice(textStart, i).trim() === '') {
      // element text that is an expression: escape it up to its closing bracket
      const end = expressionEnd(source, i + 1);
      if (end < 0) {
        out += source[i++];
        continue;
      }
      out += escape(source.slice(i, end), ['&', '<', '>']);
      i = end;
    } else out += source[i++];
  }
  return out;
}

/** Copies one start tag, escaping expression attribute values; returns it and where it ends. */
function startTag(source: string, from: number): [string, number] {
  let out = '';
  let i = from;
  while (i < source.length) {
    const char = source[i] as string;
    if (char === '>') return [`${out}>`, i + 1];
    if (char !== '"' && char !== "'") {
      out += char;
      i++;
      continue;
    }
    // an attribute value: an expression is escaped whole, the rest copied up to the same quote
    out += char;
    i++;
    if (startsExpression(source, i)) {
      const end = expressionEnd(source, i + 1);
      if (end >= 0 && source[end] === char) {
        out += escape(source.slice(i, end), Object.keys(ESCAPES));
        i = end;
      }
    }
    const close = source.indexOf(char, i);
    const stop = close < 0 ? source.length : close + 1;
    out += source.slice(i, stop);
    i = stop;
  }
  return [out, i];
}

function startsExpression(source: string, at: number): boolean {
  return source[at] === '@' && (source[at + 1] === '(' || source[at + 1] === '{');
}

function escape(text: string, characters: readonly string[]): string {
  let out = '';
  for (const char of text) out += characters.includes(char) ? (ESCAPES[char] as string) : char;
  return out;
}
