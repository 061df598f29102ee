import type { RouteTemplate } from '@cookbook/route-template';

import { matchComplexSegment } from './match-complex-segment.js';
import { parameterAccepts } from './route-constraints.js';

/**
 * Matches decoded path segments against a template like ASP.NET Core routing: literals are
 * case-insensitive, optional and defaulted parameters may be missing at the end, a catch-all
 * takes the rest. Returns only supplied (or defaulted) values, or undefined when not matched.
 */
export function matchRouteTemplate(
  template: RouteTemplate,
  path: string[],
): Record<string, string> | undefined {
  const values: Record<string, string> = {};
  const { segments } = template;
  for (let index = 0; index < segments.length; index += 1) {
    const parts = segments[index]?.parts ?? [];
    const only = parts.length === 1 ? parts[0] : undefined;
    if (only?.kind === 'parameter' && only.catchAll) {
      const rest = path.slice(index).join('/');
      if (rest !== '') values[only.name] = rest;
      else if (only.defaultValue !== undefined) values[only.name] = only.defaultValue;
      return checkConstraints(template, values);
    }
    const value = path[index];
    if (value === undefined) {
      if (only?.kind !== 'parameter' || !(only.optional || only.defaultValue !== undefined)) {
        return undefined;
      }
      if (only.defaultValue !== undefined) values[only.name] = only.defaultValue;
      continue;
    }
    if (value === '') return undefined;
    if (only?.kind === 'literal') {
      // Equal spelling needs no case folding (two lowercase copies per segment otherwise).
      if (only.text !== value && only.text.toLowerCase() !== value.toLowerCase()) return undefined;
    } else if (only?.kind === 'parameter') {
      values[only.name] = value;
    } else {
      const complex = matchComplexSegment(parts, value);
      if (!complex) return undefined;
      Object.assign(values, complex);
    }
  }
  if (path.length > segments.length) return undefined;
  return checkConstraints(template, values);
}

function checkConstraints(
  template: RouteTemplate,
  values: Record<string, string>,
): Record<string, string> | undefined {
  for (const parameter of template.parameters) {
    const value = values[parameter.name];
    if (value === undefined) continue;
    if (!parameterAccepts(parameter, value)) return undefined;
  }
  return values;
}
