const CLOSERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

/**
 * Where the C# of a policy expression ends: `source[open]` is the `(` of `@(` or the `{` of `@{`.
 * Returns the index after its matching bracket, skipping brackets inside string, verbatim,
 * interpolated and char literals and comments; -1 when it never closes.
 */
export function expressionEnd(source: string, open: number): number {
  return codeEnd(source, open + 1, [CLOSERS[source[open] ?? ''] ?? ')']);
}

function codeEnd(source: string, from: number, expected: string[]): number {
  let i = from;
  while (i < source.length) {
    const char = source[i] as string;
    const next = source[i + 1];
    if (char === '"') i = stringEnd(source, i + 1, false, false);
    else if ((char === '@' || char === '$') && (next === '"' || next === '@' || next === '$')) {
      const prefix = /^(\$@|@\$|\$|@)"/.exec(source.slice(i, i + 3))?.[1];
      if (!prefix) i++;
      else i = stringEnd(source, i + prefix.length + 1, prefix.includes('@'), prefix.includes('$'));
    } else if (char === "'") i = charEnd(source, i + 1);
    else if (char === '/' && next === '/') i = lineEnd(source, i);
    else if (char === '/' && next === '*') {
      const close = source.indexOf('*/', i + 2);
      i = close < 0 ? -1 : close + 2;
    } else if (CLOSERS[char]) {
      expected.push(CLOSERS[char] as string);
      i++;
    } else if (char === ')' || char === ']' || char === '}') {
      if (expected.pop() !== char) return -1;
      i++;
      if (expected.length === 0) return i;
    } else i++;
    if (i < 0) return -1;
  }
  return -1;
}

/** After the opening quote of a string literal; returns the index after its closing quote. */
function stringEnd(source: string, from: number, verbatim: boolean, interpolated: boolean): number {
  let i = from;
  while (i < source.length) {
    const char = source[i];
    if (!verbatim && char === '\n') return -1;
    if (!verbatim && char === '\\') {
      i += 2;
      continue;
    }
    if (char === '"') {
      if (verbatim && source[i + 1] === '"') {
        i += 2;
        continue;
      }
      return i + 1;
    }
    if (interpolated && char === '{') {
      if (source[i + 1] === '{') {
        i += 2;
        continue;
      }
      i = codeEnd(source, i + 1, ['}']);
      if (i < 0) return -1;
      continue;
    }
    i++;
  }
  return -1;
}

function charEnd(source: string, from: number): number {
  const length = source[from] === '\\' ? 2 : 1;
  return source[from + length] === "'" ? from + length + 1 : -1;
}

function lineEnd(source: string, from: number): number {
  const newline = source.indexOf('\n', from);
  return newline < 0 ? source.length : newline;
}
