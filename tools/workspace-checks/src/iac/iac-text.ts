/** Text-level reading of Bicep and Terraform (HCL): enough structure for repository checks, no evaluation. */

export type Flavour = 'bicep' | 'terraform';

/**
 * The source with comments and string literals blanked to spaces (newlines kept), same length and
 * offsets. Code inside `${...}` interpolation stays, so its braces and nested strings are read as code.
 */
export function codeMask(source: string, flavour: Flavour): string {
  return masks(source, flavour).code;
}

/** The code mask, and the source with only its comments blanked. */
function masks(source: string, flavour: Flavour): { code: string; uncommented: string } {
  const quote = flavour === 'bicep' ? "'" : '"';
  const out = source.split('');
  const uncommented = source.split('');
  const blank = (from: number, to: number, comment = false): void => {
    for (let i = from; i < Math.min(to, out.length); i += 1) {
      if (out[i] === '\n') continue;
      out[i] = ' ';
      if (comment) uncommented[i] = ' ';
    }
  };
  const endOfLine = (from: number): number => {
    const end = source.indexOf('\n', from);
    return end === -1 ? source.length : end;
  };
  // Innermost last: a string, or code (the file itself, or a `${...}` with its open-brace count).
  const stack: ({ kind: 'string' } | { kind: 'code'; braces: number; interpolation: boolean })[] = [
    { kind: 'code', braces: 0, interpolation: false },
  ];
  let i = 0;
  while (i < source.length) {
    const top = stack[stack.length - 1] ?? { kind: 'code', braces: 0, interpolation: false };
    const ch = source[i];
    const next = source[i + 1];
    if (top.kind === 'string') {
      if (ch === '\\') {
        blank(i, i + 2);
        i += 2;
      } else if (ch === '$' && next === '{') {
        blank(i, i + 2);
        i += 2;
        stack.push({ kind: 'code', braces: 0, interpolation: true });
      } else {
        if (ch === quote) stack.pop();
        blank(i, i + 1);
        i += 1;
      }
    } else if ((ch === '/' && next === '/') || (flavour === 'terraform' && ch === '#')) {
      const stop = endOfLine(i);
      blank(i, stop, true);
      i = stop;
    } else if (ch === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      blank(i, stop, true);
      i = stop;
    } else if (flavour === 'bicep' && source.startsWith("'''", i)) {
      const end = source.indexOf("'''", i + 3);
      const stop = end === -1 ? source.length : end + 3;
      blank(i, stop);
      i = stop;
    } else if (flavour === 'terraform' && /^<<-?\w/.test(source.slice(i, i + 4))) {
      const marker = /^<<-?(\w+)/.exec(source.slice(i))?.[1] ?? '';
      const bodyStart = endOfLine(i);
      const end = new RegExp(`^\\s*${marker}\\s*$`, 'm').exec(source.slice(bodyStart + 1));
      const stop = end ? bodyStart + 1 + end.index + end[0].length : source.length;
      blank(i, stop);
      i = stop;
    } else if (ch === quote) {
      stack.push({ kind: 'string' });
      blank(i, i + 1);
      i += 1;
    } else if (top.interpolation && ch === '{') {
      top.braces += 1;
      i += 1;
    } else if (top.interpolation && ch === '}') {
      if (top.braces === 0) {
        // The `}` that closes `${`: back inside the string it interrupted.
        stack.pop();
        blank(i, i + 1);
      } else {
        top.braces -= 1;
      }
      i += 1;
    } else {
      i += 1;
    }
  }
  return { code: out.join(''), uncommented: uncommented.join('') };
}

/** Parsed text: the original, its code mask and its comment-free form, read together by offset. */
export interface IacText {
  source: string;
  mask: string;
  uncommented: string;
  flavour: Flavour;
}

export function iacText(source: string, flavour: Flavour): IacText {
  const { code, uncommented } = masks(source, flavour);
  return { source, mask: code, uncommented, flavour };
}

/** Offset just past the bracket that closes the one at `open` ({, [ or (), by the code mask. */
export function closingOffset(text: IacText, open: number): number {
  let depth = 0;
  for (let i = open; i < text.mask.length; i += 1) {
    const ch = text.mask[i];
    if (ch === '{' || ch === '[' || ch === '(') depth += 1;
    if (ch === '}' || ch === ']' || ch === ')') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error(`unbalanced bracket at offset ${open}`);
}

/** A slice of a parsed text, still aligned with its mask. */
export function slice(text: IacText, from: number, to: number): IacText {
  return {
    source: text.source.slice(from, to),
    mask: text.mask.slice(from, to),
    uncommented: text.uncommented.slice(from, to),
    flavour: text.flavour,
  };
}

/** Matches of a pattern in code (not in comments or strings), run on the mask. */
export function codeMatches(text: IacText, pattern: RegExp): RegExpExecArray[] {
  const global = new RegExp(
    pattern.source,
    pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
  );
  return [...text.mask.matchAll(global)];
}

/**
 * Every block `header {...}` whose header matches in code, with the header's match.
 * The pattern must end where the block's `{` (or `[`) is still to come.
 */
export function blocks(text: IacText, header: RegExp): { match: RegExpExecArray; body: IacText }[] {
  return codeMatches(text, header).flatMap((match) => {
    const from = (match.index ?? 0) + match[0].length;
    const open = text.mask.slice(from).search(/[{[]/);
    if (open === -1) return [];
    const start = from + open;
    return [{ match, body: slice(text, start, closingOffset(text, start)) }];
  });
}

/**
 * Keys of the object/block that `body` is (it starts at its `{`): `key:` (Bicep) or `key =` (HCL)
 * at the first nesting level, each with the text of its value.
 */
export function topLevelEntries(body: IacText): { key: string; value: IacText }[] {
  const assign = body.flavour === 'bicep' ? ':' : '=';
  const keyPattern = new RegExp(`^(?:'([^']+)'|"([^"]+)"|([A-Za-z_][\\w-]*))\\s*\\${assign}(?!=)`);
  const entries: { key: string; value: IacText }[] = [];
  let depth = 0;
  let expectKey = false;
  for (let i = 0; i < body.mask.length; i += 1) {
    const ch = body.mask[i] ?? '';
    if (expectKey && depth === 1 && !/\s/.test(ch) && body.source[i] !== undefined) {
      expectKey = false;
      const key = keyPattern.exec(body.source.slice(i));
      if (key) {
        const valueStart = i + key[0].length;
        const valueEnd = statementEnd(body, valueStart);
        entries.push({
          key: key[1] ?? key[2] ?? key[3] ?? '',
          value: slice(body, valueStart, valueEnd),
        });
        i = valueEnd - 1;
        continue;
      }
    }
    if (ch === '{' || ch === '[' || ch === '(') {
      depth += 1;
      if (depth === 1) expectKey = true;
    } else if (ch === '}' || ch === ']' || ch === ')') {
      depth -= 1;
    } else if (depth === 1 && (ch === '\n' || ch === ',')) {
      expectKey = true;
    }
  }
  return entries;
}

/** Offset where a value starting at `from` ends: the first newline (or `,`) outside brackets. */
function statementEnd(text: IacText, from: number): number {
  let depth = 0;
  for (let i = from; i < text.mask.length; i += 1) {
    const ch = text.mask[i];
    if (ch === '{' || ch === '[' || ch === '(') depth += 1;
    if (ch === '}' || ch === ']' || ch === ')') {
      if (depth === 0) return i;
      depth -= 1;
    }
    if (depth === 0 && (ch === '\n' || ch === ',')) {
      // A value continues on the next line when it ends with an operator (a ternary, say).
      const tail = text.uncommented.slice(from, i).trimEnd();
      const nextLine = text.uncommented.slice(i + 1).trimStart();
      if (ch === ',' || !(/[?:=+&|]$/.test(tail) || /^[?:]/.test(nextLine))) return i;
    }
  }
  return text.mask.length;
}

/** Every object key anywhere in an expression: `key:` (Bicep) or `key =` (HCL) after `{`, `,` or a line start. */
export function objectKeys(expression: IacText): string[] {
  const assign = expression.flavour === 'bicep' ? ':' : '=';
  const keys: string[] = [];
  const pattern = new RegExp(`(^|[{,\\n])[ \\t]*([A-Za-z_]\\w*)[ \\t]*\\${assign}(?!=)`, 'g');
  for (const match of expression.mask.matchAll(pattern)) keys.push(match[2] ?? '');
  return keys;
}
