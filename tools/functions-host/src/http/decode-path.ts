/**
 * Splits a raw URL path into decoded segments the way ASP.NET Core exposes `Request.Path`:
 * percent-escapes are decoded except `%2F`, invalid escapes are kept, one trailing "/" is ignored.
 */
export function decodePathSegments(rawPath: string): string[] {
  let path = rawPath.startsWith('/') ? rawPath.slice(1) : rawPath;
  if (path.endsWith('/')) path = path.slice(0, -1);
  if (path === '') return [];
  return path.split('/').map(decodeSegment);
}

function decodeSegment(segment: string): string {
  if (!segment.includes('%')) return segment;
  return segment
    .split(/(%2F)/i)
    .map((piece) => (/^%2F$/i.test(piece) ? piece : safeDecode(piece)))
    .join('');
}

function safeDecode(text: string): string {
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

export function decodeQueryComponent(text: string): string {
  return safeDecode(text.replace(/\+/g, ' '));
}
