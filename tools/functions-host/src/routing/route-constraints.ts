import {
  compileRegexConstraint,
  type ParameterPart,
  type RouteConstraint,
} from '@cookbook/route-template';

/** How a route value is checked against one inline constraint, as ASP.NET Core's constraints do. */
export interface ConstraintCheck {
  test(value: string): boolean;
  /** Values this constraint accepts; used to find paths two routes can both match. */
  readonly probes: readonly string[];
}

const INT_RE = /^\s*[+-]?\d+\s*$/;
const DECIMAL_RE = /^\s*[+-]?(?=[\d,]*\.?\d)[\d,]*(?:\.\d*)?\s*$/;
const FLOAT_RE = /^\s*[+-]?(?=[\d,]*\.?\d)[\d,]*(?:\.\d*)?(?:e[+-]?\d+)?\s*$/i;
const FLOAT_SPECIAL_RE = /^\s*(?:[+-]?infinity|nan|[+-]?∞)\s*$/i;
const HEX = '[0-9a-f]';
const GUID_D = `${HEX}{8}-${HEX}{4}-${HEX}{4}-${HEX}{4}-${HEX}{12}`;
const GUID_RE = new RegExp(
  `^\\s*(?:${HEX}{32}|${GUID_D}|\\{${GUID_D}\\}|\\(${GUID_D}\\))\\s*$`,
  'i',
);
const ISO_DATE_RE =
  /^\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?)?(?:Z|[+-]\d{2}:?\d{2})?\s*$/i;
const TIME_RE = /^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/;

// System.Decimal.MaxValue (about 7.9e28).
const DECIMAL_MAX = 79_228_162_514_264_337_593_543_950_335n;
const INT32 = [-(2n ** 31n), 2n ** 31n - 1n] as const;
const INT64 = [-(2n ** 63n), 2n ** 63n - 1n] as const;

function parseInteger(value: string, [min, max]: readonly [bigint, bigint]): bigint | undefined {
  if (!INT_RE.test(value)) return undefined;
  const parsed = BigInt(value.trim());
  return parsed >= min && parsed <= max ? parsed : undefined;
}

function isDateTime(value: string): boolean {
  const date = ISO_DATE_RE.exec(value);
  if (date) {
    const [, year, month, day = '1', hour = '0', minute = '0', second = '0'] = date;
    const m = Number(month);
    const d = Number(day);
    const daysInMonth = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
    return (
      m >= 1 &&
      m <= 12 &&
      d >= 1 &&
      d <= daysInMonth &&
      Number(hour) < 24 &&
      Number(minute) < 60 &&
      Number(second) < 60
    );
  }
  const time = TIME_RE.exec(value);
  return !!time && Number(time[1]) < 24 && Number(time[2]) < 60 && Number(time[3] ?? 0) < 60;
}

// The grammar has already checked the arguments (count, integer ranges, regex syntax).
type Factory = (args: readonly bigint[], argument: string) => ConstraintCheck;

const noArgs =
  (test: (value: string) => boolean, probes: string[]): Factory =>
  () => ({ test, probes });

const isFloat = (value: string): boolean => FLOAT_RE.test(value) || FLOAT_SPECIAL_RE.test(value);

const FACTORIES: Record<string, Factory> = {
  int: noArgs((v) => parseInteger(v, INT32) !== undefined, ['0', '1', '42', '-1']),
  long: noArgs((v) => parseInteger(v, INT64) !== undefined, ['0', '1', '42', '9999999999']),
  bool: noArgs((v) => /^\s*(?:true|false)\s*$/i.test(v), ['true', 'false']),
  guid: noArgs((v) => GUID_RE.test(v), ['00000000-0000-0000-0000-000000000000']),
  alpha: noArgs((v) => /^[a-z]*$/i.test(v), ['a', 'abc']),
  decimal: noArgs(
    (v) => DECIMAL_RE.test(v) && Math.abs(Number(v.trim().replace(/,/g, ''))) < DECIMAL_MAX,
    ['1.5', '0'],
  ),
  double: noArgs(isFloat, ['1.5', '0', '1e3']),
  float: noArgs(isFloat, ['1.5', '0', '1e3']),
  datetime: noArgs(isDateTime, ['2024-01-31', '2024-01-31T10:00:00Z']),
  required: noArgs((v) => v.length > 0, ['a']),
  file: noArgs((v) => /\.[^./]+$/.test(v), ['a.txt']),
  nonfile: noArgs((v) => !/\.[^./]+$/.test(v), ['a']),
  min: (args) => {
    const [min = 0n] = args;
    return {
      test: (v) => (parseInteger(v, INT64) ?? min - 1n) >= min,
      probes: [String(min), String(min + 1n)],
    };
  },
  max: (args) => {
    const [max = 0n] = args;
    return {
      test: (v) => (parseInteger(v, INT64) ?? max + 1n) <= max,
      probes: [String(max), String(max - 1n)],
    };
  },
  range: (args) => {
    const [min = 0n, max = 0n] = args;
    return {
      test: (v) => {
        const parsed = parseInteger(v, INT64);
        return parsed !== undefined && parsed >= min && parsed <= max;
      },
      probes: [String(min), String(max)],
    };
  },
  length: (args) => {
    const [a = 0n, b = a] = args;
    const [min, max] = [Number(a), Number(b)];
    return {
      test: (v) => v.length >= min && v.length <= max,
      probes: [min, max].flatMap((n) => ['a'.repeat(n), '1'.repeat(n)]),
    };
  },
  minlength: (args) => {
    const [min = 0n] = args;
    return {
      test: (v) => v.length >= Number(min),
      probes: ['a', '1'].map((c) => c.repeat(Number(min))),
    };
  },
  maxlength: (args) => {
    const [max = 0n] = args;
    return {
      test: (v) => v.length <= Number(max),
      probes: ['a', '1'].map((c) => c.repeat(Math.min(1, Number(max)))),
    };
  },
  regex: (_args, argument) => {
    const pattern = compileRegexConstraint(argument);
    return { test: (v) => pattern.test(v), probes: [] };
  },
};

/** The constraint names this host can check (the grammar's list must be the same). */
export const CHECKED_CONSTRAINTS: readonly string[] = Object.keys(FACTORIES);

const compiled = new WeakMap<RouteConstraint, ConstraintCheck>();

/** The check for a parsed constraint, built once per constraint (regexes compiled once). */
export function constraintCheck(constraint: RouteConstraint): ConstraintCheck {
  let check = compiled.get(constraint);
  if (!check) {
    const factory = FACTORIES[constraint.name];
    if (!factory) throw new Error(`No check for the route constraint "${constraint.name}".`);
    const argument = constraint.argument ?? '';
    // Integer constraints: one argument, or "min,max" for range and length.
    const args =
      constraint.name === 'regex' || argument === ''
        ? []
        : argument.split(',').map((arg) => BigInt(arg.trim()));
    check = factory(args, argument);
    compiled.set(constraint, check);
  }
  return check;
}

/** Whether a route value satisfies every constraint of its parameter. */
export function parameterAccepts(parameter: ParameterPart, value: string): boolean {
  return parameter.constraints.every((constraint) => constraintCheck(constraint).test(value));
}
