/**
 * Rewrites the .NET-only anchors of a route regex for JavaScript: in .NET (no Multiline) `$` and
 * `\Z` also match before a final newline, `\A` is `^` and `\z` is the very end.
 */
export function dotnetRegexToJs(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern[i];
    if (char === '\\') {
      const next = pattern[i + 1] ?? '';
      i += 1;
      if (!inClass && next === 'A') out += '^';
      else if (!inClass && next === 'Z') out += '(?=\\n?$)';
      else if (!inClass && next === 'z') out += '$';
      else out += `\\${next}`;
    } else if (inClass) {
      if (char === ']') inClass = false;
      out += char;
    } else if (char === '[') {
      inClass = true;
      out += char;
      // .NET reads a leading ']' (or '^]') as a literal; JavaScript needs it escaped.
      if (pattern[i + 1] === '^') out += pattern[++i];
      if (pattern[i + 1] === ']') {
        out += '\\]';
        i += 1;
      }
    } else if (char === '$') {
      out += '(?=\\n?$)';
    } else {
      out += char;
    }
  }
  return out;
}
