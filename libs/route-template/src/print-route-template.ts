import type { RouteTemplate, TemplatePart } from './route-template.js';

// Braces are doubled in both literals and parameters: `{{` reads back as `{`.
const escape = (text: string): string => text.replaceAll('{', '{{').replaceAll('}', '}}');

function printPart(part: TemplatePart): string {
  if (part.kind === 'literal') return escape(part.text);
  const constraints = part.constraints
    .map(({ name, argument }) => `:${name}${argument === undefined ? '' : `(${argument})`}`)
    .join('');
  const suffix =
    part.defaultValue !== undefined ? `=${part.defaultValue}` : part.optional ? '?' : '';
  return `{${escape(`${part.catchAll ? '*' : ''}${part.name}${constraints}${suffix}`)}}`;
}

/**
 * Writes a template back as text in one normal form (lower-case constraint names, `{*p}` for
 * catch-alls): `parseRouteTemplate(printRouteTemplate(t))` gives `t`'s segments back.
 */
export function printRouteTemplate(template: Pick<RouteTemplate, 'segments'>): string {
  const text = template.segments.map(({ parts }) => parts.map(printPart).join('')).join('/');
  // A template may not start with "~"; a leading "/" is trimmed, so it protects a literal "~".
  return text.startsWith('~') ? `/${text}` : text;
}
