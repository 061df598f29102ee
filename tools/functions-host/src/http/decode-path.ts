/**
 * Splits a raw URL path into decoded segments the way ASP.NET Core exposes `Request.Path`:
 * percent-escapes are decoded except `%2F`, invalid escapes are kept, one trailing "/" is ignored.
 */
export function decodePathSegments(rawPath: string): string[] {
  let path = rawPath.startsWith('/') ? rawPath.slice(1) : rawPath;
  if (path.endsWith('/')) path = path.slice(0, -1);
  if (path === '') return [];
  const segments = path.split('/');
  // Most paths carry no escapes at all: then there is nothing to decode.
  if (!path.includes('%')) return segments;
  for (let index = 0; index < segments.length; index += 1) {
    segments[index] = decodeSegment(segments[index] ?? '');
  }
  return segments;
}

const ENCODED_SLASH_SPLIT = /(%2F)/i;
const ENCODED_SLASH = /^%2F$/i;

function decodeSegment(segment: string): string {
  if (!segment.includes('%')) return segment;
  return segment
    .split(ENCODED_SLASH_SPLIT)
    .map((piece) => (ENCODED_SLASH.test(piece) ? piece : safeDecode(piece)))
    .join('');
}

function safeDecode(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

const PLUS = /\+/g;

export function decodeQueryComponent(text: string): string {
  return safeDecode(text.includes('+') ? text.replace(PLUS, ' ') : text);
}
