// RFC 9110 token characters: what a header name may contain.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** True when `name` may be sent as an HTTP header name. */
export function isHeaderName(name: string): boolean {
  return TOKEN.test(name);
}

/** Why `value` cannot be sent in a header or status line (Node refuses it, as Kestrel does), or undefined. */
export function headerValueProblem(value: string): string | undefined {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x0d || code === 0x0a) return 'it contains CR or LF';
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) return 'it contains a control character';
    if (code > 0xff) return 'it contains a character outside Latin-1';
  }
  return undefined;
}

/** Throws a plain error (a policy failure at run time) when a header cannot be sent. */
export function assertSendableHeader(name: string, values: readonly string[]): void {
  if (!isHeaderName(name)) throw new Error(`"${name}" is not a valid HTTP header name`);
  for (const value of values) {
    const problem = headerValueProblem(value);
    if (problem) throw new Error(`the value of header "${name}" cannot be sent: ${problem}`);
  }
}

/** The first reason a status line or header set cannot be written, or undefined when all can. */
export function unsendableResponseProblem(
  reason: string,
  headers: Iterable<[string, readonly string[]]>,
): string | undefined {
  const reasonProblem = headerValueProblem(reason);
  if (reasonProblem) return `the reason phrase cannot be sent: ${reasonProblem}`;
  for (const [name, values] of headers) {
    try {
      assertSendableHeader(name, values);
    } catch (error) {
      return (error as Error).message;
    }
  }
  return undefined;
}
