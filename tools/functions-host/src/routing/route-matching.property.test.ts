import { parseRouteTemplate, printRouteTemplate } from '@cookbook/route-template';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { matchRouteTemplate } from './match-route-template.js';

// Values never use the letters and marks that literals are made of, so every path has one reading.
const LITERAL = /^[xyzXYZ_]{1,3}$/;

interface ValueKind {
  readonly constraints: string;
  readonly value: fc.Arbitrary<string>;
  /** A value the constraints refuse, when one exists. */
  readonly invalid?: string;
}

const KINDS: readonly ValueKind[] = [
  { constraints: '', value: fc.stringMatching(/^[a-w0-9]{1,6}$/) },
  { constraints: ':int', value: fc.integer({ min: -999, max: 999 }).map(String), invalid: 'q9q' },
  { constraints: ':alpha', value: fc.stringMatching(/^[a-wA-W]{1,5}$/), invalid: 'q9q' },
  { constraints: ':bool', value: fc.constantFrom('true', 'False'), invalid: 'q9q' },
  {
    constraints: ':range(-50,50)',
    value: fc.integer({ min: -50, max: 50 }).map(String),
    invalid: '51',
  },
  { constraints: ':length(1,4)', value: fc.stringMatching(/^[a-w0-9]{1,4}$/), invalid: 'abcde' },
  {
    constraints: ':regex(^[a-m]+[0-9]$)',
    value: fc.stringMatching(/^[a-m]{1,3}[0-9]$/),
    invalid: 'q9q',
  },
  { constraints: ':int:min(0)', value: fc.nat(500).map(String), invalid: '-1' },
];

interface Value {
  readonly kind: ValueKind;
  readonly value: string;
}

const valueOf: fc.Arbitrary<Value> = fc
  .constantFrom(...KINDS)
  .chain((kind) => kind.value.map((value) => ({ kind, value })));

/** A segment of a generated template, with the path segment it should match. */
type Plan =
  | { readonly kind: 'literal'; readonly text: string; readonly written: string }
  | {
      readonly kind: 'parameter';
      readonly value: Value;
      readonly mode: 'plain' | 'optional' | 'default';
      readonly fallback: string;
    }
  | {
      readonly kind: 'complex';
      readonly values: readonly Value[];
      readonly literals: readonly string[];
      readonly extension: Value | undefined;
      readonly withExtension: boolean;
    }
  | { readonly kind: 'catch-all'; readonly pieces: readonly string[] };

const anyCase = (text: string): fc.Arbitrary<string> =>
  fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((flags) =>
      [...text].map((char, i) => (flags[i] ? char.toUpperCase() : char.toLowerCase())).join(''),
    );

const literalPlan: fc.Arbitrary<Plan> = fc
  .stringMatching(LITERAL)
  .chain((text) => anyCase(text).map((written) => ({ kind: 'literal' as const, text, written })));

const parameterPlan: fc.Arbitrary<Plan> = valueOf.chain((value) =>
  fc.record({
    kind: fc.constant('parameter' as const),
    value: fc.constant(value),
    mode: fc.constantFrom('plain' as const, 'optional' as const, 'default' as const),
    fallback: value.kind.value,
  }),
);

const complexPlan: fc.Arbitrary<Plan> = fc.record({
  kind: fc.constant('complex' as const),
  values: fc.array(valueOf, { minLength: 1, maxLength: 3 }),
  literals: fc.array(fc.stringMatching(LITERAL), { minLength: 3, maxLength: 3 }),
  extension: fc.option(valueOf, { nil: undefined }),
  withExtension: fc.boolean(),
});

const catchAllPlan: fc.Arbitrary<Plan> = fc.record({
  kind: fc.constant('catch-all' as const),
  pieces: fc.array(fc.stringMatching(/^[a-w0-9]{1,4}$/), { maxLength: 3 }),
});

interface Sample {
  readonly template: string;
  readonly path: readonly string[];
  readonly expected: Readonly<Record<string, string>>;
  /** Whether the last segment takes the rest of the path. */
  readonly catchAll: boolean;
  /** Whether trailing optional segments were left out of the path. */
  readonly shortened: boolean;
  /** A path that differs only in a value its constraints refuse, when the template has one. */
  readonly refused: readonly string[] | undefined;
}

/** Turns plans into template text, a path the template must match, and the route values expected. */
function toSample(plans: readonly Plan[], omitTrailing: number): Sample {
  let names = 0;
  const name = (): string => `p${names++}`;
  const templateParts: string[] = [];
  const path: string[] = [];
  const expected: Record<string, string> = {};
  let refused: string[] | undefined;
  let shortened = false;
  plans.forEach((plan, index) => {
    const isTail = plans.slice(index).every((later) => isOmittable(later));
    const omit = isTail && plans.length - index <= omitTrailing;
    if (plan.kind === 'literal') {
      templateParts.push(plan.text);
      path.push(plan.written);
    } else if (plan.kind === 'parameter') {
      const id = name();
      const suffix = { plain: '', optional: '?', default: `=${plan.fallback}` }[plan.mode];
      templateParts.push(`{${id}${plan.value.kind.constraints}${suffix}}`);
      if (!omit) {
        if (plan.value.kind.invalid !== undefined && refused === undefined) {
          refused = [...path, plan.value.kind.invalid];
        }
        path.push(plan.value.value);
        expected[id] = plan.value.value;
      } else if (plan.mode === 'default') {
        expected[id] = plan.fallback;
      }
    } else if (plan.kind === 'complex') {
      let text = '';
      let written = '';
      plan.values.forEach((value, at) => {
        const id = name();
        const literal = at < plan.values.length - 1 ? (plan.literals[at] ?? '_') : '';
        text += `{${id}${value.kind.constraints}}${literal}`;
        written += value.value + literal;
        expected[id] = value.value;
      });
      if (plan.extension) {
        const id = name();
        text += `.{${id}${plan.extension.kind.constraints}?}`;
        if (plan.withExtension) {
          written += `.${plan.extension.value}`;
          expected[id] = plan.extension.value;
        }
      }
      templateParts.push(text);
      path.push(written);
    } else {
      const id = name();
      templateParts.push(`{*${id}}`);
      if (!omit && plan.pieces.length > 0) {
        path.push(...plan.pieces);
        expected[id] = plan.pieces.join('/');
      }
    }
    if (omit) shortened = true;
  });
  return {
    template: templateParts.join('/'),
    path,
    expected,
    catchAll: plans.at(-1)?.kind === 'catch-all',
    shortened,
    refused,
  };
}

function isOmittable(plan: Plan): boolean {
  return plan.kind === 'catch-all' || (plan.kind === 'parameter' && plan.mode !== 'plain');
}

const sampleArbitrary: fc.Arbitrary<Sample> = fc
  .tuple(
    fc.array(fc.oneof(literalPlan, parameterPlan, complexPlan), { minLength: 1, maxLength: 4 }),
    fc.option(catchAllPlan, { nil: undefined }),
    fc.nat(3),
  )
  .map(([plans, catchAll, omitTrailing]) =>
    toSample(catchAll ? [...plans, catchAll] : plans, omitTrailing),
  );

describe('the route template grammar and the host matcher agree (ASP.NET Core TemplateMatcher)', () => {
  it('a path built from a template matches it, giving back exactly the values it was built from', () => {
    fc.assert(
      fc.property(sampleArbitrary, ({ template, path, expected }) => {
        const parsed = parseRouteTemplate(template);
        expect(matchRouteTemplate(parsed, [...path])).toEqual(expected);
        // The printed normal form routes the same way.
        const reprinted = parseRouteTemplate(printRouteTemplate(parsed));
        expect(matchRouteTemplate(reprinted, [...path])).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('one segment more than the template has is not a match, unless a catch-all takes it', () => {
    fc.assert(
      fc.property(sampleArbitrary, ({ template, path, catchAll, shortened }) => {
        fc.pre(!shortened);
        const extra = matchRouteTemplate(parseRouteTemplate(template), [...path, 'extra']);
        if (catchAll) expect(extra).toBeDefined();
        else expect(extra).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('a value its inline constraints refuse is not a match', () => {
    fc.assert(
      fc.property(sampleArbitrary, ({ template, path, refused }) => {
        fc.pre(refused !== undefined);
        const changed = [...(refused ?? []), ...path.slice(refused?.length ?? 0)];
        expect(matchRouteTemplate(parseRouteTemplate(template), changed)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });
});
