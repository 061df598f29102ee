import type {
  ParameterPart,
  RouteTemplate,
  TemplatePart,
  TemplateSegment,
} from '@cookbook/route-template';

import type { HttpRoute } from './http-function.js';
import { matchComplexSegment } from './match-complex-segment.js';
import { constraintCheck, parameterAccepts } from './route-constraints.js';

export interface RouteOverlap {
  first: HttpRoute;
  second: HttpRoute;
  /** A request both routes accept, e.g. `GET /api/items/recent`. */
  example: string;
}

const GENERIC_PROBES = ['a', '1', 'value', 'x-y'];
type Slot = TemplateSegment | 'any';

/**
 * Finds pairs of routes that can match the same request. A literal only overlaps a constrained
 * parameter when it satisfies the constraints; two constrained parameters overlap when a value
 * accepted by both is found (regex constraints cannot be enumerated, so that case is a best guess).
 */
export function findRouteOverlaps(routes: HttpRoute[]): RouteOverlap[] {
  const overlaps: RouteOverlap[] = [];
  for (let i = 0; i < routes.length; i += 1) {
    for (let j = i + 1; j < routes.length; j += 1) {
      const first = routes[i];
      const second = routes[j];
      if (!first || !second) continue;
      const method = sharedMethod(first.fn.methods, second.fn.methods);
      if (method === undefined) continue;
      const path = overlappingPath(first.template, second.template);
      if (path !== undefined) overlaps.push({ first, second, example: `${method} /${path}` });
    }
  }
  return overlaps;
}

function sharedMethod(a: string[], b: string[]): string | undefined {
  if (a.length === 0) return b[0] ?? 'GET';
  if (b.length === 0) return a[0];
  return a.find((method) => b.includes(method));
}

function overlappingPath(a: RouteTemplate, b: RouteTemplate): string | undefined {
  const rangeA = lengthRange(a);
  const rangeB = lengthRange(b);
  const cap = Math.max(a.segments.length, b.segments.length) + 1;
  const from = Math.max(rangeA.min, rangeB.min);
  const to = Math.min(rangeA.max, rangeB.max, cap);
  for (let length = from; length <= to; length += 1) {
    const segments: string[] = [];
    for (let index = 0; index < length; index += 1) {
      const example = commonValue(slotAt(a, index), slotAt(b, index));
      if (example === undefined) break;
      segments.push(example);
    }
    if (segments.length === length) return segments.join('/');
  }
  return undefined;
}

function catchAllIndex(template: RouteTemplate): number {
  return template.segments.findIndex((segment) => soleParameter(segment)?.catchAll);
}

function lengthRange(template: RouteTemplate): { min: number; max: number } {
  const catchAll = catchAllIndex(template);
  let min = 0;
  template.segments.forEach((segment, index) => {
    const param = soleParameter(segment);
    const omittable =
      param && (param.optional || param.catchAll || param.defaultValue !== undefined);
    if (!omittable) min = index + 1;
  });
  return { min, max: catchAll >= 0 ? Number.POSITIVE_INFINITY : template.segments.length };
}

function slotAt(template: RouteTemplate, index: number): Slot {
  const catchAll = catchAllIndex(template);
  if (catchAll >= 0 && index >= catchAll) return 'any';
  return template.segments[index] ?? 'any';
}

function soleParameter(segment: TemplateSegment): ParameterPart | undefined {
  const [only] = segment.parts;
  return segment.parts.length === 1 && only?.kind === 'parameter' ? only : undefined;
}

function soleLiteral(segment: TemplateSegment): string | undefined {
  const [only] = segment.parts;
  return segment.parts.length === 1 && only?.kind === 'literal' ? only.text : undefined;
}

/** A segment value both slots accept, or undefined when they are provably disjoint. */
function commonValue(a: Slot, b: Slot): string | undefined {
  if (a === 'any' && b === 'any') return 'x';
  if (a === 'any') return sampleOf(b as TemplateSegment);
  if (b === 'any') return sampleOf(a);
  const literalA = soleLiteral(a);
  const literalB = soleLiteral(b);
  if (literalA !== undefined && literalB !== undefined) {
    return literalA.toLowerCase() === literalB.toLowerCase() ? literalA : undefined;
  }
  if (literalA !== undefined) return accepts(b, literalA) ? literalA : undefined;
  if (literalB !== undefined) return accepts(a, literalB) ? literalB : undefined;
  const paramA = soleParameter(a);
  const paramB = soleParameter(b);
  if (paramA && paramB) return commonParameterValue(paramA, paramB);
  return commonComplexValue(a, b);
}

function accepts(segment: TemplateSegment, value: string): boolean {
  const param = soleParameter(segment);
  if (param) return parameterAccepts(param, value);
  const values = matchComplexSegment(segment.parts, value);
  if (!values) return false;
  return segment.parts.every(
    (part) =>
      part.kind !== 'parameter' ||
      values[part.name] === undefined ||
      parameterAccepts(part, values[part.name] ?? ''),
  );
}

function commonParameterValue(a: ParameterPart, b: ParameterPart): string | undefined {
  if (a.constraints.length === 0) return sampleParameter(b);
  if (b.constraints.length === 0) return sampleParameter(a);
  const probes = [...probesOf(a), ...probesOf(b), ...GENERIC_PROBES];
  const both = probes.find((probe) => parameterAccepts(a, probe) && parameterAccepts(b, probe));
  return both;
}

function commonComplexValue(a: TemplateSegment, b: TemplateSegment): string | undefined {
  const candidates = [sampleOf(a), sampleOf(b)];
  const found = candidates.find((value) => accepts(a, value) && accepts(b, value));
  if (found !== undefined) return found;
  // Two patterns with clashing literal prefixes or suffixes can never meet; otherwise assume they can.
  const clash = (x?: TemplatePart, y?: TemplatePart, atEnd = false): boolean => {
    if (x?.kind !== 'literal' || y?.kind !== 'literal') return false;
    const [p, q] = [x.text.toLowerCase(), y.text.toLowerCase()];
    return atEnd ? !p.endsWith(q) && !q.endsWith(p) : !p.startsWith(q) && !q.startsWith(p);
  };
  if (clash(a.parts[0], b.parts[0]) || clash(a.parts.at(-1), b.parts.at(-1), true))
    return undefined;
  return candidates[0];
}

function probesOf(param: ParameterPart): string[] {
  return param.constraints.flatMap((constraint) => constraintCheck(constraint).probes);
}

function sampleParameter(param: ParameterPart): string {
  const probe = [...probesOf(param), ...GENERIC_PROBES].find((value) =>
    parameterAccepts(param, value),
  );
  return probe ?? `{${param.name}}`;
}

function sampleOf(segment: TemplateSegment): string {
  return segment.parts
    .map((part) => (part.kind === 'literal' ? part.text : sampleParameter(part)))
    .join('');
}
