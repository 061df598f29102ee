import type { CurlCommand } from './curl-command.js';

/** Headers a new exchange shows when the page does not list its own: the ones a reader acts on. */
export const DEFAULT_SHOWN_HEADERS: readonly string[] = [
  'location',
  'cache-control',
  'content-type',
  'etag',
  'retry-after',
  'www-authenticate',
  'x-correlation-id',
  'x-apim-cache',
];

/** What curl prints for a response: with `-i` the status line and the chosen headers, then the body. */
export function renderResponse(
  command: CurlCommand,
  response: { status: number; statusText: string; headers: Headers; body: string },
  shownHeaders: readonly string[],
): string[] {
  const writeOut = (command.writeOut ?? '')
    .replaceAll('%{http_code}', String(response.status))
    // curl 7.84+: a response header's value, e.g. %header{location}
    .replace(/%header\{([^}]+)\}/g, (_, name: string) => response.headers.get(name) ?? '')
    .replaceAll('\\n', '\n');
  // a page cannot show trailing blank lines (an event stream ends with one), so neither does this
  const printed = `${command.discardBody ? '' : response.body}${writeOut}`.replace(/\n+$/, '');
  const body = printed === '' ? [] : printed.split('\n');
  if (!command.includeHeaders) return body;
  const head = [`HTTP/1.1 ${response.status} ${response.statusText}`.trimEnd()];
  for (const name of shownHeaders) {
    const value = response.headers.get(name);
    if (value !== null) head.push(`${name}: ${value}`);
  }
  return body.length > 0 ? [...head, '', ...body] : head;
}

/** Header names an `-i` output on the page shows, in its order and spelling. */
export function shownHeaderNames(output: readonly string[]): string[] {
  const names: string[] = [];
  for (const line of output.slice(1)) {
    if (line.trim() === '') break;
    const colon = line.indexOf(':');
    if (colon > 0) names.push(line.slice(0, colon));
  }
  return names;
}

// Values that differ on every run: request and trace ids, timestamps, seconds left in a rate-limit window.
const VOLATILE: [RegExp, string][] = [
  [/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>'],
  [/\b[0-9a-f]{32}\b/g, '<trace-id>'],
  [/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '<timestamp>'],
  [/\b\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT\b/g, '<http-date>'],
  [/^(retry-after: )\d+$/i, '$1<seconds>'],
  [/Try again in \d+ seconds/g, 'Try again in <seconds> seconds'],
];

/** The output with ids and timestamps replaced, so two runs compare equal; header names compare case-blind. */
export function normaliseOutput(lines: readonly string[]): string[] {
  let inHead = /^HTTP\/\S+ \d{3}/.test(lines[0] ?? '');
  return lines.map((line, index) => {
    let out = line;
    for (const [pattern, replacement] of VOLATILE) out = out.replace(pattern, replacement);
    if (inHead && index > 0) {
      if (line.trim() === '') inHead = false;
      else out = out.replace(/^[^:]+:/, (name) => name.toLowerCase());
    }
    return out.trimEnd();
  });
}
