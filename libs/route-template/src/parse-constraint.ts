import { compileRegexConstraint } from './dotnet-regex.js';
import type { RouteConstraint } from './route-template.js';

/** Why a constraint would fail route creation at host start-up, and what would be valid. */
export interface ConstraintProblem {
  readonly reason: string;
  readonly expected: string;
}

// How ASP.NET Core's DefaultInlineConstraintResolver builds each constraint from its argument text.
type Arguments = 'none' | 'int32' | 'int64' | 'int64-pair' | 'length' | 'pattern';

const CONSTRAINT_ARGUMENTS: Readonly<Record<string, Arguments>> = {
  int: 'none',
  long: 'none',
  bool: 'none',
  guid: 'none',
  alpha: 'none',
  decimal: 'none',
  double: 'none',
  float: 'none',
  datetime: 'none',
  required: 'none',
  file: 'none',
  nonfile: 'none',
  min: 'int64',
  max: 'int64',
  range: 'int64-pair',
  length: 'length',
  minlength: 'int32',
  maxlength: 'int32',
  regex: 'pattern',
};

/** The inline constraints the Functions host resolves (ASP.NET Core's default constraint map). */
export const ROUTE_CONSTRAINT_NAMES: readonly string[] = Object.keys(CONSTRAINT_ARGUMENTS);

// .NET Int32/Int64.Parse with NumberStyles.Integer: ASCII white space around, an optional sign.
const INTEGER = /^[\t\n\v\f\r ]*[+-]?[0-9]+[\t\n\v\f\r ]*$/;
const INT32: readonly [bigint, bigint] = [-(2n ** 31n), 2n ** 31n - 1n];
const INT64: readonly [bigint, bigint] = [-(2n ** 63n), 2n ** 63n - 1n];

function parseInteger(text: string, [min, max]: readonly [bigint, bigint]): bigint | undefined {
  if (!INTEGER.test(text)) return undefined;
  const value = BigInt(text.trim());
  return value >= min && value <= max ? value : undefined;
}

function integers(
  written: string,
  texts: readonly string[],
  range: readonly [bigint, bigint],
): bigint[] | ConstraintProblem {
  const values: bigint[] = [];
  for (const text of texts) {
    const value = parseInteger(text, range);
    if (value === undefined) {
      const kind = range === INT32 ? 'Int32' : 'Int64';
      return {
        reason: `Constraint "${written}": "${text}" is not an integer (${kind})`,
        expected: 'Write whole numbers, e.g. min(1), range(1,10) or length(2,8)',
      };
    }
    values.push(value);
  }
  return values;
}

function checkArguments(
  written: string,
  name: string,
  kind: Arguments,
  argument: string | undefined,
): ConstraintProblem | undefined {
  if (kind === 'none') {
    return argument === undefined
      ? undefined
      : { reason: `Constraint "${written}" takes no arguments`, expected: `Write "${name}"` };
  }
  if (argument === undefined) {
    const example = { int32: '(2)', int64: '(1)', 'int64-pair': '(1,10)', length: '(2,8)' };
    return kind === 'pattern'
      ? {
          reason: `Constraint "${written}" needs a pattern`,
          expected: 'Write e.g. regex(^[a-z]+$)',
        }
      : {
          reason: `Constraint "${written}" needs an argument`,
          expected: `Write e.g. ${name}${example[kind]}`,
        };
  }
  if (kind === 'pattern') {
    try {
      compileRegexConstraint(argument);
      return undefined;
    } catch (error) {
      return {
        reason: `Constraint "${written}" is not a valid regular expression (${(error as Error).message})`,
        expected: 'Fix the pattern (write "{{" and "}}" for literal braces)',
      };
    }
  }
  // Constraints with one constructor parameter get the whole text; the others split on ",".
  const texts = kind === 'int32' || kind === 'int64' ? [argument] : argument.split(',');
  const counts = kind === 'length' ? [1, 2] : kind === 'int64-pair' ? [2] : [1];
  if (!counts.includes(texts.length)) {
    return {
      reason: `Constraint "${written}" takes ${counts.join(' or ')} arguments, not ${texts.length}`,
      expected: kind === 'length' ? 'Write length(n) or length(min,max)' : 'Write range(min,max)',
    };
  }
  const values = integers(
    written,
    texts,
    kind === 'int64' || kind === 'int64-pair' ? INT64 : INT32,
  );
  if (!Array.isArray(values)) return values;
  const [first = 0n, second = first] = values;
  if (kind !== 'int64' && first > second) {
    return {
      reason: `Constraint "${written}": the minimum is above the maximum`,
      expected: `Write the smaller bound first, e.g. ${name}(${second},${first})`,
    };
  }
  if ((kind === 'int32' || kind === 'length') && first < 0n) {
    return {
      reason: `Constraint "${written}": a length cannot be negative`,
      expected: 'Use 0 or more',
    };
  }
  return undefined;
}

/**
 * Resolves one inline constraint (`min(1)`) like ASP.NET Core's DefaultInlineConstraintResolver:
 * the name is looked up case-insensitively and the arguments must build the constraint.
 */
export function parseConstraint(written: string): RouteConstraint | ConstraintProblem {
  const open = written.indexOf('(');
  const hasArgument = open >= 0 && written.endsWith(')');
  if (open >= 0 && !hasArgument) {
    return { reason: `Constraint "${written}" has an unclosed "("`, expected: 'Close it with ")"' };
  }
  const key = hasArgument ? written.slice(0, open) : written;
  const name = key.toLowerCase();
  const argument = hasArgument ? written.slice(open + 1, -1) : undefined;
  const kind = Object.hasOwn(CONSTRAINT_ARGUMENTS, name) ? CONSTRAINT_ARGUMENTS[name] : undefined;
  if (kind === undefined) {
    return {
      reason: `Unknown route constraint "${key}"`,
      expected: `Use one of: ${ROUTE_CONSTRAINT_NAMES.join(', ')}`,
    };
  }
  return checkArguments(written, name, kind, argument) ?? { name, argument };
}
