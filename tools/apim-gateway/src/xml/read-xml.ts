import type { XmlElement } from './xml-element.js';
import { XmlSyntaxError } from './xml-syntax-error.js';
import { decodeReference, firstInvalidChar, isNameStart, isXmlChar, nameAt } from './xml-text.js';

interface Open {
  element: XmlElement;
  /** How many children of each name it has so far (for `when[2]`-style paths). */
  seen: Map<string, number>;
  segment: string;
}

const XML_DECLARATION =
  /^<\?xml\s+version\s*=\s*(["'])1\.\d+\1(\s+encoding\s*=\s*(["'])[A-Za-z][\w.-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*\?>/;

/**
 * A strict XML 1.0 reader for policy documents: what an XML parser that `format: "xml"` deployments
 * go through would reject is an error with line, column and the open elements. No DTDs.
 */
export function readXml(input: string): XmlElement {
  return new Reader(input).document();
}

class Reader {
  private readonly source: string;
  private readonly lineStarts: number[] = [0];
  private readonly stack: Open[] = [];
  private pos = 0;

  constructor(input: string) {
    // XML end-of-line handling: CRLF and CR read as LF (line numbers are unchanged)
    this.source = input.replace(/\r\n?/g, '\n');
    for (let i = 0; i < this.source.length; i++) {
      if (this.source[i] === '\n') this.lineStarts.push(i + 1);
    }
  }

  document(): XmlElement {
    if (this.source.startsWith('\uFEFF')) this.pos = 1;
    if (this.source.startsWith('<?xml', this.pos) && /\s/.test(this.source[this.pos + 5] ?? '')) {
      const declaration = XML_DECLARATION.exec(this.source.slice(this.pos));
      if (!declaration) this.fail('malformed XML declaration', this.pos);
      this.pos += declaration[0].length;
    }
    this.misc();
    if (!this.source.startsWith('<', this.pos) || !isNameStart(this.source[this.pos + 1])) {
      this.fail(
        this.pos >= this.source.length ? 'no root element' : 'expected the root element',
        this.pos,
      );
    }
    const root = this.element();
    this.misc();
    if (this.pos < this.source.length) this.fail('content after the root element', this.pos);
    // text and attribute values were checked as read; this finds the rest (comments, markup)
    const invalid = firstInvalidChar(this.source);
    if (invalid >= 0) this.invalidChar(invalid);
    return root;
  }

  private invalidChar(index: number): never {
    const code = (this.source.codePointAt(index) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    this.fail(`character U+${code} is not allowed in XML`, index);
  }

  /** Whitespace, comments and processing instructions outside the root. */
  private misc(): void {
    for (;;) {
      while (/\s/.test(this.source[this.pos] ?? '')) this.pos++;
      if (this.source.startsWith('<!--', this.pos)) this.comment();
      else if (this.source.startsWith('<?', this.pos)) this.processingInstruction();
      else if (this.source.startsWith('<!DOCTYPE', this.pos)) {
        this.fail('a DOCTYPE is not allowed in a policy document', this.pos);
      } else return;
    }
  }

  /** Reads the element at `pos` and everything inside it, without recursion (any depth is safe). */
  private element(): XmlElement {
    const root = this.startTag();
    if (!root.open) return root.element;
    while (this.stack.length > 0) {
      const current = this.stack[this.stack.length - 1] as Open;
      const at = this.pos;
      if (at >= this.source.length) {
        this.fail(`<${current.element.name}> (line ${current.element.line}) is never closed`, at);
      }
      if (this.source.startsWith('</', at)) this.endTag(current);
      else if (this.source.startsWith('<!--', at)) this.comment();
      else if (this.source.startsWith('<![CDATA[', at)) current.element.text += this.cdata();
      else if (this.source.startsWith('<?', at)) this.processingInstruction();
      else if (this.source.startsWith('<!', at))
        this.fail("'<!' here is neither a comment nor CDATA", at);
      else if (this.source[at] === '<') {
        if (!isNameStart(this.source[at + 1])) {
          this.fail("'<' must start a tag (write &lt; for a literal '<')", at);
        }
        const child = this.startTag();
        current.element.children.push(child.element);
      } else current.element.text += this.text();
    }
    return root.element;
  }

  private startTag(): { element: XmlElement; open: boolean } {
    const start = this.pos;
    this.pos++;
    const name = this.name();
    const element: XmlElement = {
      name,
      attributes: {},
      children: [],
      text: '',
      line: this.lineOf(start),
    };
    const parent = this.stack[this.stack.length - 1];
    const index = (parent?.seen.get(name) ?? 0) + 1;
    parent?.seen.set(name, index);
    const segment = index > 1 || name === 'when' ? `${name}[${index}]` : name;
    this.stack.push({ element, seen: new Map(), segment });
    for (;;) {
      const spaced = this.skipSpace();
      if (this.source.startsWith('/>', this.pos)) {
        this.pos += 2;
        this.stack.pop();
        return { element, open: false };
      }
      if (this.source[this.pos] === '>') {
        this.pos++;
        return { element, open: true };
      }
      if (this.pos >= this.source.length) this.fail(`<${name}> is never closed`, start);
      if (!spaced) this.fail(`expected whitespace, '>' or '/>' in <${name}>`, this.pos);
      this.attribute(element);
    }
  }

  private attribute(element: XmlElement): void {
    const at = this.pos;
    const name = this.name();
    this.skipSpace();
    if (this.source[this.pos] !== '=') this.fail(`attribute "${name}" needs ="value"`, this.pos);
    this.pos++;
    this.skipSpace();
    const quote = this.source[this.pos];
    if (quote !== '"' && quote !== "'") {
      this.fail(`the value of attribute "${name}" must be quoted`, this.pos);
    }
    this.pos++;
    let value = '';
    for (;;) {
      const char = this.source[this.pos];
      if (char === undefined) this.fail(`the value of attribute "${name}" is never closed`, at);
      if (char === quote) break;
      if (char === '<') {
        this.fail(`'<' is not allowed in the value of attribute "${name}" (write &lt;)`, this.pos);
      }
      if (char === '&') {
        value += this.reference(`the value of attribute "${name}"`);
        continue;
      }
      if (!isXmlChar(char.charCodeAt(0))) this.checkChar(this.pos);
      // attribute-value normalisation: literal tabs and newlines read as spaces
      value += char === '\t' || char === '\n' ? ' ' : char;
      this.pos++;
    }
    this.pos++;
    if (Object.hasOwn(element.attributes, name)) {
      this.fail(`attribute "${name}" appears twice on <${element.name}>`, at);
    }
    element.attributes[name] = value;
  }

  private endTag(current: Open): void {
    const at = this.pos;
    this.pos += 2;
    const name = this.name();
    this.skipSpace();
    if (this.source[this.pos] !== '>') this.fail(`expected '>' to end </${name}>`, this.pos);
    this.pos++;
    if (name !== current.element.name) {
      this.fail(
        `</${name}> does not close <${current.element.name}> (opened on line ${current.element.line})`,
        at,
      );
    }
    this.stack.pop();
  }

  private text(): string {
    let text = '';
    for (;;) {
      const char = this.source[this.pos];
      if (char === undefined || char === '<') return text;
      if (char === '&') {
        text += this.reference('text');
        continue;
      }
      if (char === ']' && this.source.startsWith(']]>', this.pos)) {
        this.fail("']]>' is not allowed in text (write ]]&gt;)", this.pos);
      }
      if (!isXmlChar(char.charCodeAt(0))) this.checkChar(this.pos);
      text += char;
      this.pos++;
    }
  }

  /** A UTF-16 unit outside the XML ranges is fine only as half of a valid surrogate pair. */
  private checkChar(index: number): void {
    const code = this.source.codePointAt(index) ?? 0;
    const previous = this.source.codePointAt(index - 1) ?? 0;
    if (code <= 0xffff && previous <= 0xffff) this.invalidChar(index);
  }

  private reference(where: string): string {
    const decoded = decodeReference(this.source, this.pos);
    if ('problem' in decoded) this.fail(`${decoded.problem} in ${where}`, this.pos);
    this.pos = decoded.end;
    return decoded.text;
  }

  private cdata(): string {
    const start = this.pos + '<![CDATA['.length;
    const end = this.source.indexOf(']]>', start);
    if (end < 0) this.fail('CDATA section is never closed', this.pos);
    this.pos = end + 3;
    return this.source.slice(start, end);
  }

  private comment(): void {
    const start = this.pos + 4;
    const end = this.source.indexOf('--', start);
    if (end < 0) this.fail('comment is never closed', this.pos);
    if (this.source[end + 2] !== '>') this.fail("'--' is not allowed inside a comment", end);
    this.pos = end + 3;
  }

  private processingInstruction(): void {
    const at = this.pos;
    this.pos += 2;
    const target = this.name();
    if (target.toLowerCase() === 'xml') {
      this.fail('the XML declaration is only allowed at the very start', at);
    }
    const end = this.source.indexOf('?>', this.pos);
    if (end < 0) this.fail(`processing instruction <?${target} is never closed`, at);
    this.pos = end + 2;
  }

  private name(): string {
    const name = nameAt(this.source, this.pos);
    if (name === undefined) this.fail('expected a name', this.pos);
    this.pos += name.length;
    return name;
  }

  private skipSpace(): boolean {
    const start = this.pos;
    while (/[ \t\n]/.test(this.source[this.pos] ?? '')) this.pos++;
    return this.pos > start;
  }

  private lineOf(index: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= index) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  private fail(message: string, index: number): never {
    const line = this.lineOf(index);
    const path = this.stack
      .slice(1)
      .map((open) => open.segment)
      .join('/');
    throw new XmlSyntaxError(message, {
      line,
      column: index - (this.lineStarts[line - 1] as number) + 1,
      path,
    });
  }
}
