import { describe, expect, it } from 'vitest';

import { dotnetRegexToJs } from './dotnet-regex.js';

const matches = (pattern: string, value: string): boolean =>
  new RegExp(dotnetRegexToJs(pattern), 'i').test(value);

describe('route regex constraints follow .NET anchor semantics', () => {
  it('$ also matches before a final newline, as in .NET without RegexOptions.Multiline', () => {
    expect(matches('^health$', 'health\n')).toBe(true);
    expect(matches('^(?!health$)', 'health\n')).toBe(false);
    expect(matches('^health$', 'health\n\n')).toBe(false);
  });

  it('\\A, \\Z and \\z keep their .NET meaning', () => {
    expect(matches('\\Aab\\Z', 'ab\n')).toBe(true);
    expect(matches('\\Aab\\z', 'ab\n')).toBe(false);
    expect(matches('\\Aab\\z', 'ab')).toBe(true);
  });

  it('leaves escaped dollars and character classes alone', () => {
    expect(dotnetRegexToJs('^\\$[$]+$')).toBe('^\\$[$]+(?=\\n?$)');
    expect(dotnetRegexToJs('[]$]')).toBe('[\\]$]');
    expect(matches('^[]a]$', ']')).toBe(true);
    expect(matches('^[^]$]+$', 'abc')).toBe(true);
  });
});
