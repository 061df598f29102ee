// CR, LF and the other control characters (except tab), plus NEL and the Unicode line separators.
// eslint-disable-next-line no-control-regex
const LINE_BREAKING = /[\u0000-\u0008\u000a-\u001f\u007f\u0085\u2028\u2029]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r' };

/**
 * Makes text safe to print inside one log line: a message can never start a new line (and so
 * never forge a host line) or send terminal escape sequences. `\n` → `\\n`, others → `\\uXXXX`.
 */
export function escapeLogText(text: string): string {
  LINE_BREAKING.lastIndex = 0;
  if (!LINE_BREAKING.test(text)) return text;
  return text.replace(
    LINE_BREAKING,
    (char) => NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
