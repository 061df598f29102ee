// XML 1.0 names (BMP only) and characters: what a well-formed policy document may contain.
const NAME_START =
  ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD';
// combining marks first: after another character in a class they read as one combined character
const NAME_REST = `\\u0300-\\u036F${NAME_START}\\-.0-9\\u00B7\\u203F-\\u2040`;
const NAME_AT = new RegExp(`[${NAME_START}][${NAME_REST}]*`, 'y');
const NAME_START_CHAR = new RegExp(`[${NAME_START}]`);
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

const PREDEFINED: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  apos: "'",
  quot: '"',
};

/** The XML name starting at `at`, or undefined when none starts there. */
export function nameAt(source: string, at: number): string | undefined {
  NAME_AT.lastIndex = at;
  return NAME_AT.exec(source)?.[0];
}

export function isNameStart(char: string | undefined): boolean {
  return char !== undefined && NAME_START_CHAR.test(char);
}

/** Index of the first character XML forbids (controls, lone surrogates, U+FFFE/FFFF), or -1. */
export function firstInvalidChar(text: string): number {
  const match = NOT_XML_CHAR.exec(text);
  return match ? match.index : -1;
}

export function isXmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

/**
 * Decodes the reference starting at `source[at] === '&'`.
 * Returns the text and the index after `;`, or a message saying what is wrong.
 */
export function decodeReference(
  source: string,
  at: number,
): { text: string; end: number } | { problem: string } {
  const semicolon = source.indexOf(';', at);
  const body = semicolon < 0 ? '' : source.slice(at + 1, semicolon);
  if (semicolon < 0 || body.length === 0 || body.length > 12 || /[\s<&"']/.test(body)) {
    return { problem: "'&' must start a reference such as &amp; (write &amp; for a literal '&')" };
  }
  if (body.startsWith('#')) {
    const hex = body.startsWith('#x');
    const digits = body.slice(hex ? 2 : 1);
    const valid = hex ? /^[0-9A-Fa-f]+$/.test(digits) : /^[0-9]+$/.test(digits);
    const codePoint = valid ? parseInt(digits, hex ? 16 : 10) : NaN;
    if (!valid || !isXmlChar(codePoint)) {
      return { problem: `&${body}; is not a character XML allows` };
    }
    return { text: String.fromCodePoint(codePoint), end: semicolon + 1 };
  }
  const text = PREDEFINED[body];
  if (text === undefined) {
    return {
      problem: `undefined entity &${body}; (without a DTD only &lt; &gt; &amp; &apos; &quot; and &#...; exist)`,
    };
  }
  return { text, end: semicolon + 1 };
}
