import { parseRouteTemplate, ROUTE_CONSTRAINT_NAMES } from '@cookbook/route-template';
import { describe, expect, it } from 'vitest';

import { CHECKED_CONSTRAINTS, type ConstraintCheck, constraintCheck } from './route-constraints.js';

/** The host's check for an inline constraint written as in a template, e.g. `min(10)`. */
function createConstraint(text: string): ConstraintCheck {
  const [constraint] = parseRouteTemplate(`{value:${text}}`).parameters[0]?.constraints ?? [];
  if (!constraint) throw new Error(`no constraint in ${text}`);
  return constraintCheck(constraint);
}

const accepts = (constraint: string, value: string): boolean =>
  createConstraint(constraint).test(value);

describe('inline route constraints (ASP.NET Core, invariant culture)', () => {
  it.each([
    ['int', '42', true],
    ['int', '-7', true],
    ['int', '2147483647', true],
    ['int', '2147483648', false],
    ['int', '4.2', false],
    ['long', '9223372036854775807', true],
    ['long', '9223372036854775808', false],
    ['bool', 'True', true],
    ['bool', 'yes', false],
    ['guid', 'd3a5c2f1e4b64a1f9d8e7c6b5a493827', true],
    ['guid', '{D3A5C2F1-E4B6-4A1F-9D8E-7C6B5A493827}', true],
    ['guid', 'd3a5c2f1-e4b6-4a1f-9d8e', false],
    ['alpha', 'AbC', true],
    ['alpha', 'ab1', false],
    ['decimal', '1,234.50', true],
    ['decimal', '1e3', false],
    ['double', '1e3', true],
    ['float', '-Infinity', true],
    ['double', 'abc', false],
    ['datetime', '2024-01-31T10:15:00Z', true],
    ['datetime', '2024-13-01', false],
    ['min(10)', '10', true],
    ['min(10)', '9', false],
    ['max(10)', '11', false],
    ['range(1,3)', '3', true],
    ['range(1,3)', 'x', false],
    ['length(3)', 'abc', true],
    ['length(2,4)', 'abcde', false],
    ['minlength(2)', 'a', false],
    ['maxlength(2)', 'ab', true],
    ['regex(^ab$)', 'AB', true],
    ['regex(b)', 'abc', true],
    ['regex(^(?!health$).*$)', 'health', false],
    ['required', 'x', true],
    ['file', 'a.txt', true],
    ['nonfile', 'a.txt', false],
  ])('%s accepts %s: %s', (constraint, value, expected) => {
    expect(accepts(constraint, value)).toBe(expected);
  });

  it('checks every constraint the grammar accepts, and no other', () => {
    expect([...CHECKED_CONSTRAINTS].sort()).toEqual([...ROUTE_CONSTRAINT_NAMES].sort());
  });

  it('every probe a constraint offers is one it accepts', () => {
    for (const text of [
      'int',
      'long',
      'bool',
      'guid',
      'alpha',
      'decimal',
      'double',
      'datetime',
      'min(5)',
      'max(5)',
      'range(2,4)',
      'length(3)',
      'length(1,4)',
      'minlength(2)',
      'maxlength(3)',
      'file',
      'nonfile',
      'required',
    ]) {
      const constraint = createConstraint(text);
      for (const probe of constraint.probes)
        expect([text, constraint.test(probe)]).toEqual([text, true]);
    }
  });
});
