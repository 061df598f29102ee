import { parseConstraint } from './parse-constraint.js';
import { parseParameterText } from './parse-parameter-text.js';
import type {
  ParameterPart,
  RouteConstraint,
  RouteTemplate,
  TemplatePart,
  TemplateSegment,
} from './route-template.js';
import { RouteTemplateError } from './route-template-error.js';

/** A parsed template plus where each segment starts in the text as written. */
export interface PositionedTemplate {
  readonly template: RouteTemplate;
  readonly segmentStarts: readonly number[];
}

interface Positioned {
  readonly part: TemplatePart;
  readonly start: number;
}

const INVALID_NAME_CHARS = /[/{}?*]/;
const CLOSE_BRACE = 'Add the closing "}" (write "{{" for a literal "{")';

/**
 * Parses an ASP.NET Core route template as RoutePatternParser does, then resolves its inline
 * constraints as route creation does: whatever this rejects, the Functions host refuses at start-up.
 * A leading "/" or "~/" is trimmed.
 *
 * @example parseRouteTemplate('api/products/{category:alpha}/{id:int?}')
 */
export function parseRouteTemplate(template: string): RouteTemplate {
  return parsePositioned(template).template;
}

/** {@link parseRouteTemplate}, also returning where each segment starts (for prefix handling). */
export function parsePositioned(template: string): PositionedTemplate {
  const fail = (position: number, reason: string, expected: string): never => {
    throw new RouteTemplateError(template, position, reason, expected);
  };
  const names = new Set<string>();
  const pendingConstraints: { text: string; position: number; into: RouteConstraint[] }[] = [];

  const readLiteral = (from: number): [Positioned, number] => {
    let index = from;
    let text = '';
    while (index < template.length && template[index] !== '/') {
      const char = template[index];
      const next = template[index + 1];
      if (char === '{' && next !== '{') {
        if (next === undefined) fail(index, 'Unclosed "{"', CLOSE_BRACE);
        break; // a parameter starts here
      }
      if (char === '}' && next !== '}') {
        fail(index, 'Unmatched "}"', 'Write "}}" for a literal "}", or open a parameter with "{"');
      }
      text += char;
      index += char === '{' || char === '}' ? 2 : 1;
    }
    if (text.includes('?')) {
      fail(
        template.indexOf('?', from),
        `The literal "${text}" cannot contain "?"`,
        'Remove it: the query string is not part of a route',
      );
    }
    return [{ part: { kind: 'literal', text }, start: from }, index];
  };

  const readParameter = (open: number): [Positioned, number] => {
    let index = open + 1;
    for (;;) {
      const char = template[index];
      if (char === undefined) fail(open, 'Unclosed "{"', CLOSE_BRACE);
      if (char === '{') {
        if (template[index + 1] === undefined) fail(open, 'Unclosed "{"', CLOSE_BRACE);
        if (template[index + 1] !== '{') {
          fail(index, 'Unescaped "{" inside a parameter', 'Write "{{" for a literal "{"');
        }
        index += 2;
      } else if (char === '}' && template[index + 1] === '}') {
        index += 2;
      } else if (char === '}') {
        index += 1;
        break;
      } else {
        index += 1;
      }
    }
    const inside = template.slice(open + 1, index - 1);
    const decoded = inside.replaceAll('}}', '}').replaceAll('{{', '{');
    const syntax = parseParameterText(decoded);
    const { name } = syntax;
    if (decoded.startsWith('*') && decoded.endsWith('?')) {
      fail(
        open,
        `Catch-all parameter "${name}" cannot be marked optional`,
        'Remove the "?": a catch-all may already match nothing',
      );
    }
    if (syntax.optional && syntax.defaultValue !== undefined) {
      fail(
        open,
        `Parameter "${name}" cannot be optional and have a default value`,
        'Keep either the "?" or the "=default"',
      );
    }
    if (name === '' || INVALID_NAME_CHARS.test(name)) {
      fail(
        open,
        `The parameter name "${name}" is invalid`,
        'Use a non-empty name without "/", "{", "}", "?" or "*"',
      );
    }
    if (names.has(name.toLowerCase())) {
      fail(
        open,
        `The parameter "${name}" appears more than once (names are case-insensitive)`,
        'Give each parameter its own name',
      );
    }
    names.add(name.toLowerCase());
    const constraints: RouteConstraint[] = [];
    const part: ParameterPart = {
      kind: 'parameter',
      name,
      optional: syntax.optional,
      catchAll: syntax.catchAll,
      defaultValue: syntax.defaultValue,
      constraints,
    };
    // Offsets are exact unless "{{" / "}}" were unescaped; then point at the parameter.
    const exact = decoded === inside;
    for (const { text, offset } of syntax.constraints) {
      pendingConstraints.push({
        text,
        position: exact ? open + 1 + offset : open,
        into: constraints,
      });
    }
    return [{ part, start: open }, index];
  };

  // ASP.NET Core checks a finished segment in this order: catch-alls, optionals, adjacent parameters.
  const checkSegment = (parts: readonly Positioned[]): void => {
    if (parts.length < 2) return;
    for (const { part, start } of parts) {
      if (part.kind === 'parameter' && part.catchAll) fail(start, ...catchAllNotLast(part.name));
    }
    parts.forEach(({ part, start }, index) => {
      if (part.kind !== 'parameter' || !part.optional) return;
      const previous = parts[index - 1]?.part;
      if (index !== parts.length - 1 || previous?.kind !== 'literal' || previous.text !== '.') {
        fail(
          start,
          `Optional parameter "${part.name}" in a segment with other parts must come last, after a "."`,
          'Write it like {name}.{ext?}, or give it its own segment',
        );
      }
    });
    parts.forEach(({ part, start }, index) => {
      const previous = parts[index - 1]?.part;
      if (part.kind === 'parameter' && previous?.kind === 'parameter') {
        fail(
          start,
          `Parameters "${previous.name}" and "${part.name}" are adjacent`,
          'Separate them with "/" or a literal, e.g. {from}-{to}',
        );
      }
    });
  };

  let index = template.startsWith('~/') ? 2 : template.startsWith('/') ? 1 : 0;
  if (index === 0 && template.startsWith('~')) {
    fail(0, 'A template cannot start with "~"', 'Start it with "~/" or "/", or remove the "~"');
  }
  const text = template.slice(index);
  const positioned: Positioned[][] = [];
  const segmentStarts: number[] = [];
  while (index < template.length) {
    if (template[index] === '/') {
      fail(index, 'Empty segment: "/" cannot appear twice in a row', 'Remove one of the "/"');
    }
    segmentStarts.push(index);
    const parts: Positioned[] = [];
    while (index < template.length && template[index] !== '/') {
      const isParameter = template[index] === '{' && template[index + 1] !== '{';
      const [part, next] =
        isParameter && index + 1 < template.length ? readParameter(index) : readLiteral(index);
      parts.push(part);
      index = next;
    }
    checkSegment(parts);
    positioned.push(parts);
    index += 1; // past the "/"; one trailing "/" is allowed
  }

  // A catch-all must be the very last part of the template.
  const all = positioned.flat();
  const catchAll = all.find(({ part }) => part.kind === 'parameter' && part.catchAll);
  if (catchAll && catchAll !== all.at(-1) && catchAll.part.kind === 'parameter') {
    fail(catchAll.start, ...catchAllNotLast(catchAll.part.name));
  }

  // Constraints are resolved after the pattern parses, as when the host creates the route.
  for (const { text: written, position, into } of pendingConstraints) {
    const resolved = parseConstraint(written);
    if ('reason' in resolved) fail(position, resolved.reason, resolved.expected);
    else into.push(resolved);
  }

  const segments: TemplateSegment[] = positioned.map((parts) => ({
    parts: parts.map(({ part }) => part),
  }));
  const parameters = all.flatMap(({ part }) => (part.kind === 'parameter' ? [part] : []));
  return { template: { text, segments, parameters }, segmentStarts };
}

function catchAllNotLast(name: string): [string, string] {
  return [
    `Catch-all parameter "${name}" must be the whole last segment`,
    'Move it to the end, alone in its segment, e.g. files/{*path}',
  ];
}
