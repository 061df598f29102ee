import { ExpressionSyntaxError } from './expression-error.js';

export type TokenKind = 'identifier' | 'number' | 'string' | 'punctuator' | 'end';

export interface Token {
  kind: TokenKind;
  value: string;
  position: number;
}

// Longest first so '??' wins over '?', '<=' over '<'.
const PUNCTUATORS = [
  '?.',
  '??',
  '&&',
  '||',
  '==',
  '!=',
  '<=',
  '>=',
  '(',
  ')',
  '[',
  ']',
  '.',
  ',',
  '?',
  ':',
  '!',
  '<',
  '>',
  '+',
  '-',
];

const ESCAPES: Record<string, string> = {
  '"': '"',
  "'": "'",
  '\\': '\\',
  n: '\n',
  r: '\r',
  t: '\t',
  '0': '\0',
};

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i));
      const value = match?.[0] ?? ch;
      tokens.push({ kind: 'identifier', value, position: i });
      i += value.length;
      continue;
    }
    if (/[0-9]/.test(ch)) {
      const match = /^[0-9]+(\.[0-9]+)?/.exec(source.slice(i));
      const value = match?.[0] ?? ch;
      const next = source[i + value.length];
      if (next !== undefined && /[A-Za-z_]/.test(next)) {
        throw new ExpressionSyntaxError(
          'numeric suffixes are not supported',
          next,
          i + value.length,
        );
      }
      tokens.push({ kind: 'number', value, position: i });
      i += value.length;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const { value, end } = readString(source, i);
      tokens.push({ kind: 'string', value, position: i });
      i = end;
      continue;
    }
    const punctuator = PUNCTUATORS.find((p) => source.startsWith(p, i));
    if (!punctuator) {
      const token = source.startsWith('=>', i) ? '=>' : ch;
      throw new ExpressionSyntaxError(describeUnsupported(token), token, i);
    }
    tokens.push({ kind: 'punctuator', value: punctuator, position: i });
    i += punctuator.length;
  }
  tokens.push({ kind: 'end', value: '<end>', position: source.length });
  return tokens;
}

function readString(source: string, start: number): { value: string; end: number } {
  const quote = source[start];
  let value = '';
  let i = start + 1;
  while (i < source.length) {
    const ch = source[i] as string;
    if (ch === quote) return { value, end: i + 1 };
    if (ch === '\\') {
      const escaped = source[i + 1] ?? '';
      const replacement = ESCAPES[escaped];
      if (replacement === undefined) {
        throw new ExpressionSyntaxError('unsupported escape sequence', `\\${escaped}`, i);
      }
      value += replacement;
      i += 2;
      continue;
    }
    value += ch;
    i++;
  }
  throw new ExpressionSyntaxError('unterminated string literal', source.slice(start), start);
}

function describeUnsupported(token: string): string {
  if (token === '$') return 'interpolated strings ($"...") are not supported';
  if (token === '=>') return 'lambdas are not supported';
  if (token === '=') return 'assignment is not supported';
  if (token === '{' || token === '}' || token === ';') return 'statements are not supported';
  if (token === '@') return 'verbatim strings are not supported';
  return 'unsupported character';
}
