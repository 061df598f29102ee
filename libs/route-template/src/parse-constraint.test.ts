import { describe, expect, it } from 'vitest';

import { parseConstraint, ROUTE_CONSTRAINT_NAMES } from './parse-constraint.js';

const reasonOf = (text: string): string | undefined => {
  const result = parseConstraint(text);
  return 'reason' in result ? result.reason : undefined;
};

describe('parseConstraint (ASP.NET Core DefaultInlineConstraintResolver)', () => {
  it('knows the default constraint map, in the order the error lists it', () => {
    expect(ROUTE_CONSTRAINT_NAMES).toEqual([
      'int',
      'long',
      'bool',
      'guid',
      'alpha',
      'decimal',
      'double',
      'float',
      'datetime',
      'required',
      'file',
      'nonfile',
      'min',
      'max',
      'range',
      'length',
      'minlength',
      'maxlength',
      'regex',
    ]);
  });

  it('looks names up case-insensitively and keeps the argument text unsplit', () => {
    expect(parseConstraint('INT')).toEqual({ name: 'int', argument: undefined });
    expect(parseConstraint('Range(1, 10)')).toEqual({ name: 'range', argument: '1, 10' });
    expect(parseConstraint('regex(^a,b$)')).toEqual({ name: 'regex', argument: '^a,b$' });
    expect(parseConstraint('regex()')).toEqual({ name: 'regex', argument: '' });
  });

  it.each([
    ['min(1)', undefined],
    ['min( -5 )', undefined],
    ['max(9223372036854775807)', undefined],
    ['range(-3,3)', undefined],
    ['length(0)', undefined],
    ['length(2,2)', undefined],
    ['minlength(1)', undefined],
    ['maxlength(2147483647)', undefined],
    ['int()', /takes no arguments/],
    ['alpha(1)', /takes no arguments/],
    ['min', /needs an argument/],
    ['regex', /needs a pattern/],
    ['min(1,2)', /"1,2" is not an integer/],
    ['max(9223372036854775808)', /not an integer \(Int64\)/],
    ['maxlength(2147483648)', /not an integer \(Int32\)/],
    ['range(1)', /takes 2 arguments, not 1/],
    ['length(1,2,3)', /takes 1 or 2 arguments, not 3/],
    ['range(5,1)', /minimum is above the maximum/],
    ['length(3,2)', /minimum is above the maximum/],
    ['length(-1)', /cannot be negative/],
    ['minlength(-1)', /cannot be negative/],
    ['regex((a)', /not a valid regular expression/],
    ['regex(a', /unclosed "\("/],
    ['integer', /Unknown route constraint "integer"/],
    ['constructor', /Unknown route constraint "constructor"/],
    ['int ', /Unknown route constraint "int "/],
  ])('%s → %s', (text, problem) => {
    const reason = reasonOf(text);
    if (problem === undefined) expect(reason).toBeUndefined();
    else expect(reason).toMatch(problem);
  });
});
