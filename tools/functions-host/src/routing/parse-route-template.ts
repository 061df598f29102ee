import { ConstraintError, createConstraint } from './route-constraints.js';
import type {
  ParameterPart,
  RouteTemplate,
  TemplatePart,
  TemplateSegment,
} from './route-template.js';
import { RouteTemplateError } from './route-template.js';

/** Parses an ASP.NET Core route template (the syntax the Functions host uses). */
export function parseRouteTemplate(text: string): RouteTemplate {
  const body = text.replace(/^~?\//, '');
  const segments: TemplateSegment[] = [];
  let parts: TemplatePart[] = [];
  let literal = '';
  const flushLiteral = (): void => {
    if (literal === '') return;
    if (literal.includes('?')) {
      throw new RouteTemplateError(`The literal "${literal}" cannot contain "?".`);
    }
    parts.push({ kind: 'literal', text: literal });
    literal = '';
  };
  const endSegment = (): void => {
    flushLiteral();
    if (parts.length === 0) {
      throw new RouteTemplateError('The separator "/" cannot appear twice in a row or at the end.');
    }
    segments.push({ parts });
    parts = [];
  };

  let i = 0;
  while (i < body.length) {
    const char = body[i];
    const next = body[i + 1];
    if (char === '/') {
      endSegment();
      i += 1;
    } else if (char === '{' && next === '{') {
      literal += '{';
      i += 2;
    } else if (char === '}' && next === '}') {
      literal += '}';
      i += 2;
    } else if (char === '}') {
      throw new RouteTemplateError('Unmatched "}". Write "}}" for a literal brace.');
    } else if (char === '{') {
      flushLiteral();
      const end = findParameterEnd(body, i + 1);
      parts.push(
        parseParameter(
          body
            .slice(i + 1, end)
            .replace(/\{\{/g, '{')
            .replace(/\}\}/g, '}'),
        ),
      );
      i = end + 1;
    } else {
      literal += char;
      i += 1;
    }
  }
  if (body.length > 0) endSegment();
  validate(segments);
  const parameters = segments.flatMap((segment) =>
    segment.parts.filter((part): part is ParameterPart => part.kind === 'parameter'),
  );
  return { text: body, segments, parameters };
}

function findParameterEnd(body: string, start: number): number {
  for (let i = start; i < body.length; i += 1) {
    if (body[i] === '{' && body[i + 1] === '{') i += 1;
    else if (body[i] === '}' && body[i + 1] === '}') i += 1;
    else if (body[i] === '}') return i;
    else if (body[i] === '{')
      throw new RouteTemplateError('A parameter cannot contain an unescaped "{".');
  }
  throw new RouteTemplateError('Unclosed "{": every parameter needs a closing "}".');
}

function parseParameter(text: string): ParameterPart {
  let rest = text;
  let catchAll = false;
  if (rest.startsWith('**')) {
    catchAll = true;
    rest = rest.slice(2);
  } else if (rest.startsWith('*')) {
    catchAll = true;
    rest = rest.slice(1);
  }
  const nameEnd = rest.search(/[:=]|\?$/);
  const name = (nameEnd === -1 ? rest : rest.slice(0, nameEnd)).trim();
  rest = nameEnd === -1 ? '' : rest.slice(nameEnd);
  if (name === '' || /[{}/?*]/.test(name)) {
    throw new RouteTemplateError(
      `The parameter name "${name}" is invalid: names must be non-empty and cannot contain { } / ? *.`,
    );
  }

  const constraints = [];
  while (rest.startsWith(':')) {
    const end = findConstraintEnd(rest, 1);
    const constraintText = rest.slice(1, end);
    try {
      constraints.push(createConstraint(constraintText));
    } catch (error) {
      if (error instanceof ConstraintError) {
        throw new RouteTemplateError(`Parameter "${name}": ${error.message}`);
      }
      throw error;
    }
    rest = rest.slice(end);
  }

  let optional = false;
  let defaultValue: string | undefined;
  if (rest.startsWith('=')) {
    defaultValue = rest.slice(1);
    if (defaultValue.endsWith('?')) {
      throw new RouteTemplateError(
        `Parameter "${name}": an optional parameter cannot have a default value.`,
      );
    }
    rest = '';
  }
  if (rest === '?') {
    optional = true;
    rest = '';
  }
  if (rest !== '') throw new RouteTemplateError(`Parameter "${name}": unexpected "${rest}".`);
  if (catchAll && optional) {
    throw new RouteTemplateError(
      `Catch-all parameter "${name}" cannot be marked optional (it already is).`,
    );
  }
  return { kind: 'parameter', name, optional, catchAll, defaultValue, constraints };
}

/** A constraint ends at the next ":", "=" or trailing "?" outside its "(...)" argument list. */
function findConstraintEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const char = text[i];
    if (char === '(') {
      let close = text.indexOf(')', i + 1);
      while (close !== -1) {
        const after = text.slice(close + 1);
        if (after === '' || after === '?' || after.startsWith(':') || after.startsWith('=')) break;
        close = text.indexOf(')', close + 1);
      }
      if (close === -1)
        throw new RouteTemplateError(`Constraint "${text.slice(start)}" is missing ")".`);
      i = close + 1;
      continue;
    }
    if (char === ':' || char === '=' || (char === '?' && i === text.length - 1)) return i;
    i += 1;
  }
  return i;
}

function validate(segments: TemplateSegment[]): void {
  const names = new Set<string>();
  segments.forEach((segment, index) => {
    const isLast = index === segments.length - 1;
    segment.parts.forEach((part, partIndex) => {
      const previous = segment.parts[partIndex - 1];
      if (part.kind !== 'parameter') return;
      const key = part.name.toLowerCase();
      if (names.has(key)) {
        throw new RouteTemplateError(`The parameter "${part.name}" appears more than once.`);
      }
      names.add(key);
      if (previous?.kind === 'parameter') {
        throw new RouteTemplateError(
          `Parameters "${previous.name}" and "${part.name}" are adjacent: separate them with "/" or a literal.`,
        );
      }
      if (part.catchAll && (!isLast || segment.parts.length > 1)) {
        throw new RouteTemplateError(
          `Catch-all parameter "${part.name}" must be the whole last segment.`,
        );
      }
      if (part.optional && segment.parts.length > 1) {
        const isLastPart = partIndex === segment.parts.length - 1;
        if (!isLastPart || previous?.kind !== 'literal' || !previous.text.endsWith('.')) {
          throw new RouteTemplateError(
            `Optional parameter "${part.name}" in a complex segment must come last, after a "." (e.g. {name}.{ext?}).`,
          );
        }
      }
    });
  });
}
