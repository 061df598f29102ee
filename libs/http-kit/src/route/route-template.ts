/** One inline constraint such as `int`, `minlength(3)` or `regex(^a+$)`. */
export interface RouteConstraint {
  readonly name: string;
  readonly argument: string | undefined;
}

/** A `{parameter}` of an ASP.NET Core route template as the Functions host reads it. */
export interface TemplateParameter {
  readonly name: string;
  /** `{p?}`: the host leaves it out of params when absent. */
  readonly optional: boolean;
  /** `{*p}` / `{**p}`: matches the rest of the path, `/` included. */
  readonly catchAll: boolean;
  readonly defaultValue: string | undefined;
  readonly constraints: readonly RouteConstraint[];
}

/** A path segment: literal text and parameters, e.g. `files`, `{id:int}`, `{name}.{ext}`. */
export type SegmentPart =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'parameter'; readonly parameter: TemplateParameter };

export interface RouteTemplate {
  readonly template: string;
  readonly segments: readonly (readonly SegmentPart[])[];
  readonly parameters: readonly TemplateParameter[];
}

const PARAMETER_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function fail(template: string, reason: string): never {
  throw new Error(`Invalid route template "${template}": ${reason}`);
}

function readConstraints(template: string, text: string): RouteConstraint[] {
  const constraints: RouteConstraint[] = [];
  let index = 0;
  while (index < text.length) {
    if (text[index] !== ':') fail(template, `unexpected "${text.slice(index)}"`);
    index += 1;
    let name = '';
    while (index < text.length && /[A-Za-z0-9_]/.test(text[index] ?? '')) name += text[index++];
    if (name === '') fail(template, 'empty constraint name');
    let argument: string | undefined;
    if (text[index] === '(') {
      // The argument ends at the ")" that closes the constraint (regexes may contain parens).
      let depth = 0;
      const start = index + 1;
      for (; index < text.length; index += 1) {
        if (text[index] === '\\') index += 1;
        else if (text[index] === '(') depth += 1;
        else if (text[index] === ')' && --depth === 0) break;
      }
      if (depth !== 0) fail(template, `unclosed "(" in constraint ${name}`);
      // Route templates double literal braces: `\d{{2}}` means `\d{2}`.
      argument = text.slice(start, index).replaceAll('{{', '{').replaceAll('}}', '}');
      index += 1;
    }
    constraints.push({ name: name.toLowerCase(), argument });
  }
  return constraints;
}

function parseParameter(template: string, token: string): TemplateParameter {
  let rest = token;
  const catchAll = rest.startsWith('*');
  rest = rest.replace(/^\*{1,2}/, '');
  const name = /^[^:=?]*/.exec(rest)?.[0] ?? '';
  if (!PARAMETER_NAME.test(name)) fail(template, `invalid parameter name "${name}"`);
  rest = rest.slice(name.length);
  let optional = false;
  let defaultValue: string | undefined;
  const defaultIndex = rest.lastIndexOf('=');
  if (defaultIndex >= 0 && !rest.slice(defaultIndex).includes(')')) {
    defaultValue = rest.slice(defaultIndex + 1);
    rest = rest.slice(0, defaultIndex);
  } else if (rest.endsWith('?')) {
    optional = true;
    rest = rest.slice(0, -1);
  }
  return { name, optional, catchAll, defaultValue, constraints: readConstraints(template, rest) };
}

function parseSegment(template: string, segment: string): SegmentPart[] {
  const parts: SegmentPart[] = [];
  let index = 0;
  while (index < segment.length) {
    const open = segment.indexOf('{', index);
    if (open < 0) {
      parts.push({ kind: 'literal', text: segment.slice(index) });
      break;
    }
    if (open > index) parts.push({ kind: 'literal', text: segment.slice(index, open) });
    let depth = 0;
    let close = open;
    for (; close < segment.length; close += 1) {
      if (segment[close] === '{') depth += 1;
      else if (segment[close] === '}' && --depth === 0) break;
    }
    if (depth !== 0) fail(template, `unclosed "{" in segment "${segment}"`);
    parts.push({
      kind: 'parameter',
      parameter: parseParameter(template, segment.slice(open + 1, close)),
    });
    index = close + 1;
  }
  if (parts.some((part) => part.kind === 'literal' && part.text.includes('}'))) {
    fail(template, `unmatched "}" in segment "${segment}"`);
  }
  return parts;
}

/** Parses an Azure Functions route template (ASP.NET Core syntax, without the host prefix). */
export function parseRouteTemplate(template: string): RouteTemplate {
  if (template.trim() === '') fail(template, 'it is empty');
  if (template.startsWith('/') || template.startsWith('~')) {
    fail(template, 'write it without a leading "/" (the host adds the route prefix)');
  }
  if (/[?#]/.test(template.replace(/\{[^}]*\}/g, ''))) fail(template, 'it contains "?" or "#"');
  const segments = template.split('/').map((segment, index, all) => {
    if (segment === '' && index < all.length - 1) fail(template, 'it contains an empty segment');
    return parseSegment(template, segment);
  });
  const parameters = segments
    .flat()
    .flatMap((part) => (part.kind === 'parameter' ? [part.parameter] : []));
  const seen = new Set<string>();
  for (const [index, parameter] of parameters.entries()) {
    const key = parameter.name.toLowerCase();
    if (seen.has(key)) fail(template, `parameter "${parameter.name}" appears twice`);
    seen.add(key);
    if (parameter.catchAll && index !== parameters.length - 1) {
      fail(template, `catch-all parameter "${parameter.name}" must be the last one`);
    }
  }
  return { template, segments, parameters };
}
