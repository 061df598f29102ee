/**
 * Splits a raw URL path into decoded segments the way Kestrel builds `Request.Path`:
 * percent-escapes are decoded except `%2F`, invalid escapes are kept, then dot segments
 * (`.`, `..`, also spelled `%2e`) are removed; one trailing "/" is ignored.
 */
export function decodePathSegments(rawPath: string): string[] {
  const path = rawPath.startsWith('/') ? rawPath.slice(1) : rawPath;
  if (path === '') return [];
  const segments = path.split('/');
  const escaped = path.includes('%');
  // Most paths carry no escapes at all: then there is nothing to decode.
  if (escaped) {
    for (let index = 0; index < segments.length; index += 1) {
      segments[index] = decodeSegment(segments[index] ?? '');
    }
  }
  if (escaped || path.includes('.')) return removeDotSegments(segments);
  if (segments.at(-1) === '') segments.pop();
  return segments;
}

/** RFC 3986 §5.2.4 on decoded segments, as Kestrel's PathNormalizer does after decoding. */
function removeDotSegments(segments: string[]): string[] {
  const output: string[] = [];
  let trailingSlash = false;
  for (const segment of segments) {
    trailingSlash = segment === '.' || segment === '..';
    if (segment === '..') output.pop();
    else if (segment !== '.') output.push(segment);
  }
  // "a/.." and "a/." end in a directory: the trailing "/" is ignored like any other.
  if (!trailingSlash && output.at(-1) === '') output.pop();
  return output;
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
