import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { parseFunctionRoute } from './parse-function-route.js';
import { parseRouteTemplate } from './parse-route-template.js';
import { printRouteTemplate } from './print-route-template.js';
import type {
  LiteralPart,
  ParameterPart,
  RouteConstraint,
  TemplatePart,
  TemplateSegment,
} from './route-template.js';
import { RouteTemplateError } from './route-template-error.js';

const constraint: fc.Arbitrary<RouteConstraint> = fc.oneof(
  fc
    .constantFrom('int', 'long', 'bool', 'guid', 'alpha', 'decimal', 'datetime', 'required', 'file')
    .map((name) => ({ name, argument: undefined })),
  fc.record({ name: fc.constantFrom('min', 'max'), argument: fc.integer().map(String) }),
  fc.record({
    name: fc.constantFrom('length', 'minlength', 'maxlength'),
    argument: fc.nat(20).map(String),
  }),
  fc
    .tuple(fc.integer({ min: -50, max: 50 }), fc.nat(50))
    .map(([low, span]) => ({ name: 'range', argument: `${low},${low + span}` })),
  fc.record({
    name: fc.constant('regex'),
    // Parentheses, "," and braces inside the argument, as real patterns have them. Not ":" or
    // "=": ASP.NET Core reads on to a later ")" from there, merging the next constraint in.
    argument: fc.constantFrom('^[a-z]+$', '^\\d{3}$', '^(ab|cd)-\\d$', 'x,y', 'a\\)b', ''),
  }),
);

const name = fc
  .tuple(fc.constantFrom('', '', '', ':', '='), fc.stringMatching(/^[A-Za-z0-9_.-]{1,6}$/))
  .map(([lead, rest]) => lead + rest);

// Default values avoid "(" ")": after a regex argument they would read as part of it.
const defaultValue = fc.stringMatching(/^[a-z0-9:=.{}-]{0,5}$/);

const literalText = fc.stringMatching(/^[A-Za-z0-9._~{}-]{1,5}$/);

interface Shape {
  readonly name: string;
  readonly constraints: readonly RouteConstraint[];
  readonly mode: 'plain' | 'optional' | 'default' | 'catch-all';
  readonly defaultValue: string;
}

const shape: fc.Arbitrary<Shape> = fc.record({
  name,
  constraints: fc.array(constraint, { maxLength: 2 }),
  mode: fc.constantFrom('plain', 'optional', 'default', 'catch-all'),
  defaultValue,
});

function toParameter(s: Shape, allowed: ReadonlySet<Shape['mode']>): ParameterPart {
  const mode = allowed.has(s.mode) ? s.mode : 'plain';
  return {
    kind: 'parameter',
    name: s.name,
    optional: mode === 'optional',
    catchAll: mode === 'catch-all',
    defaultValue: mode === 'default' ? s.defaultValue : undefined,
    constraints: s.constraints,
  };
}

type SegmentPlan =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'parameter'; readonly mode: Shape['mode'] }
  | { readonly kind: 'complex'; readonly texts: readonly string[]; readonly optionalExt: boolean };

const segmentPlan: fc.Arbitrary<SegmentPlan> = fc.oneof(
  fc.record({ kind: fc.constant('literal' as const), text: literalText }),
  fc.record({
    kind: fc.constant('parameter' as const),
    mode: fc.constantFrom('plain', 'optional', 'default', 'catch-all'),
  }),
  fc.record({
    kind: fc.constant('complex' as const),
    texts: fc.array(literalText, { maxLength: 3 }),
    optionalExt: fc.boolean(),
  }),
);

/** Valid template ASTs: unique names, catch-all only as the whole last segment, and so on. */
const segmentsArbitrary: fc.Arbitrary<TemplateSegment[]> = fc
  .tuple(
    fc.array(segmentPlan, { minLength: 1, maxLength: 5 }),
    fc.uniqueArray(shape, { minLength: 25, maxLength: 25, selector: (s) => s.name.toLowerCase() }),
  )
  .map(([plans, pool]) => {
    let used = 0;
    const next = (mode: Shape['mode']): ParameterPart =>
      toParameter({ ...(pool[used++] as Shape), mode }, new Set([mode]));
    return plans.map((plan, index): TemplateSegment => {
      if (plan.kind === 'literal') return { parts: [{ kind: 'literal', text: plan.text }] };
      if (plan.kind === 'parameter') {
        const last = index === plans.length - 1;
        return { parts: [next(plan.mode === 'catch-all' && !last ? 'plain' : plan.mode)] };
      }
      // Parameters and literals alternate: {a}x-{b}x.{c?}. A literal after a parameter cannot
      // start with "}" (ASP.NET Core would read "}}" as an escape inside the parameter).
      const parts: TemplatePart[] = [next('plain')];
      for (const text of plan.texts) {
        const literal: LiteralPart = { kind: 'literal', text: `x${text}` };
        parts.push(literal, next('plain'));
      }
      if (plan.optionalExt) parts.push({ kind: 'literal', text: '.' }, next('optional'));
      return { parts };
    });
  });

describe('route template properties', () => {
  it('print → parse gives the same AST back for every valid template', () => {
    fc.assert(
      fc.property(segmentsArbitrary, (segments) => {
        const printed = printRouteTemplate({ segments });
        const parsed = parseRouteTemplate(printed);
        expect(parsed.segments).toEqual(segments);
        expect(parsed.text).toBe(printed.replace(/^\//, ''));
        expect(printRouteTemplate(parsed)).toBe(printed);
      }),
      { numRuns: 500 },
    );
  });

  it('any text either parses (and prints back to a fixed point) or fails with a RouteTemplateError at a real position', () => {
    const alphabet = fc.constantFrom(
      ...'ab1/{}{}?*:=()~.-\\ '.split(''),
      '{id}',
      '{x:int}',
      '{*rest}',
      ':regex(',
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 14 }).map((chars) => chars.join('')),
        (text) => {
          let parsed;
          try {
            parsed = parseRouteTemplate(text);
          } catch (error) {
            expect(error).toBeInstanceOf(RouteTemplateError);
            const { position, template } = error as RouteTemplateError;
            expect(template).toBe(text);
            expect(position).toBeGreaterThanOrEqual(0);
            expect(position).toBeLessThan(text.length);
            return;
          }
          // A parameter named "=" shares its "=" with the default ({=:x}): no text prints it back.
          fc.pre(!parsed.parameters.some((parameter) => parameter.name === '='));
          const printed = printRouteTemplate(parsed);
          expect(parseRouteTemplate(printed).segments).toEqual(parsed.segments);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('parseFunctionRoute is parseRouteTemplate of "prefix/route", split after the prefix', () => {
    fc.assert(
      fc.property(
        segmentsArbitrary,
        fc.constantFrom('api', 'v1/api', 'x', ''),
        (segments, prefix) => {
          // The printer protects a leading "~" with "/", which only the empty prefix trims.
          const printed = printRouteTemplate({ segments });
          const route = prefix === '' ? printed : printed.replace(/^\//, '');
          const joined = prefix === '' ? route : `${prefix}/${route}`;
          const { template, route: own } = parseFunctionRoute(route, prefix);
          expect(template.segments).toEqual(parseRouteTemplate(joined).segments);
          expect(own.segments).toEqual(segments);
          expect(own.parameters).toEqual(template.parameters);
        },
      ),
      { numRuns: 300 },
    );
  });
});
