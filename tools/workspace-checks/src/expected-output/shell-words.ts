/** Runs the command inside `$(…)` and returns what it prints. */
export type CommandSubstitution = (command: string) => string;

/** Splits one shell command line into words: quotes, backslash escapes, `$NAME`, `${NAME}` and `$(…)`. */
export function shellWords(
  line: string,
  vars: Record<string, string> = {},
  substitute?: CommandSubstitution,
): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | undefined;
  const expand = (at: number): number => {
    if (line[at + 1] === '(' && substitute) {
      let depth = 0;
      for (let end = at + 1; end < line.length; end += 1) {
        if (line[end] === '(') depth += 1;
        else if (line[end] === ')' && (depth -= 1) === 0) {
          word += substitute(line.slice(at + 2, end)).replace(/\n+$/, '');
          return end + 1;
        }
      }
      throw new Error(`unterminated $( in: ${line}`);
    }
    const match = /^\$(?:\{(\w+)\}|(\w+))/.exec(line.slice(at));
    if (!match) {
      word += '$';
      return at + 1;
    }
    const name = match[1] ?? match[2] ?? '';
    if (!(name in vars)) throw new Error(`$${name} is not set (in: ${line})`);
    word += vars[name];
    return at + match[0].length;
  };
  for (let at = 0; at < line.length; ) {
    const char = line[at] ?? '';
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else word += char;
      at += 1;
    } else if (quote === '"') {
      if (char === '"') quote = undefined;
      else if (char === '\\' && /["\\$`]/.test(line[at + 1] ?? '')) word += line[(at += 1)];
      else if (char === '$') {
        at = expand(at);
        continue;
      } else word += char;
      at += 1;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      at += 1;
    } else {
      inWord = true;
      if (char === "'" || char === '"') quote = char;
      else if (char === '\\') word += line[(at += 1)] ?? '';
      else if (char === '$') {
        at = expand(at);
        continue;
      } else word += char;
      at += 1;
    }
  }
  if (quote) throw new Error(`unterminated ${quote} quote in: ${line}`);
  if (inWord) words.push(word);
  return words;
}
