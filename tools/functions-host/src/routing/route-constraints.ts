import { dotnetRegexToJs } from './dotnet-regex.js';

/** An inline route constraint (`{id:int}`), checked the way ASP.NET Core's resolver does. */
export interface RouteConstraint {
  name: string;
  text: string;
  test(value: string): boolean;
  /** Values this constraint accepts; used to find paths two routes can both match. */
  probes: string[];
}

export class ConstraintError extends Error {}

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

function integerArgs(name: string, args: string[], count: number[]): bigint[] {
  if (!count.includes(args.length)) {
    throw new ConstraintError(
      `"${name}" takes ${count.join(' or ')} integer argument(s), e.g. ${name}(${count[0] === 1 ? '1' : '1,10'}).`,
    );
  }
  return args.map((arg) => {
    const parsed = parseInteger(arg, INT64);
    if (parsed === undefined)
      throw new ConstraintError(`"${name}" argument "${arg}" is not an integer.`);
    return parsed;
  });
}

type Factory = (args: string[], rawArgs: string) => Omit<RouteConstraint, 'name' | 'text'>;

const noArgs =
  (name: string, test: (value: string) => boolean, probes: string[]): Factory =>
  (args) => {
    if (args.length > 0) throw new ConstraintError(`"${name}" takes no arguments.`);
    return { test, probes };
  };

const isFloat = (value: string): boolean => FLOAT_RE.test(value) || FLOAT_SPECIAL_RE.test(value);

const FACTORIES: Record<string, Factory> = {
  int: noArgs('int', (v) => parseInteger(v, INT32) !== undefined, ['0', '1', '42', '-1']),
  long: noArgs('long', (v) => parseInteger(v, INT64) !== undefined, ['0', '1', '42', '9999999999']),
  bool: noArgs('bool', (v) => /^\s*(?:true|false)\s*$/i.test(v), ['true', 'false']),
  guid: noArgs('guid', (v) => GUID_RE.test(v), ['00000000-0000-0000-0000-000000000000']),
  alpha: noArgs('alpha', (v) => /^[a-z]*$/i.test(v), ['a', 'abc']),
  decimal: noArgs(
    'decimal',
    (v) => DECIMAL_RE.test(v) && Math.abs(Number(v.trim().replace(/,/g, ''))) < DECIMAL_MAX,
    ['1.5', '0'],
  ),
  double: noArgs('double', isFloat, ['1.5', '0', '1e3']),
  float: noArgs('float', isFloat, ['1.5', '0', '1e3']),
  datetime: noArgs('datetime', isDateTime, ['2024-01-31', '2024-01-31T10:00:00Z']),
  required: noArgs('required', (v) => v.length > 0, ['a']),
  file: noArgs('file', (v) => /\.[^./]+$/.test(v), ['a.txt']),
  nonfile: noArgs('nonfile', (v) => !/\.[^./]+$/.test(v), ['a']),
  min: (args) => {
    const [min = 0n] = integerArgs('min', args, [1]);
    return {
      test: (v) => (parseInteger(v, INT64) ?? min - 1n) >= min,
      probes: [String(min), String(min + 1n)],
    };
  },
  max: (args) => {
    const [max = 0n] = integerArgs('max', args, [1]);
    return {
      test: (v) => (parseInteger(v, INT64) ?? max + 1n) <= max,
      probes: [String(max), String(max - 1n)],
    };
  },
  range: (args) => {
    const [min = 0n, max = 0n] = integerArgs('range', args, [2]);
    if (min > max)
      throw new ConstraintError(`"range(${min},${max})": the minimum is above the maximum.`);
    return {
      test: (v) => {
        const parsed = parseInteger(v, INT64);
        return parsed !== undefined && parsed >= min && parsed <= max;
      },
      probes: [String(min), String(max)],
    };
  },
  length: (args) => {
    const [a = 0n, b] = integerArgs('length', args, [1, 2]);
    const min = Number(a);
    const max = b === undefined ? min : Number(b);
    if (min < 0 || min > max)
      throw new ConstraintError(`"length(${args.join(',')})" is not a valid length range.`);
    return {
      test: (v) => v.length >= min && v.length <= max,
      probes: [min, max].flatMap((n) => ['a'.repeat(n), '1'.repeat(n)]),
    };
  },
  minlength: (args) => {
    const [min = 0n] = integerArgs('minlength', args, [1]);
    return {
      test: (v) => v.length >= Number(min),
      probes: ['a', '1'].map((c) => c.repeat(Number(min))),
    };
  },
  maxlength: (args) => {
    const [max = 0n] = integerArgs('maxlength', args, [1]);
    return {
      test: (v) => v.length <= Number(max),
      probes: ['a', '1'].map((c) => c.repeat(Math.min(1, Number(max)))),
    };
  },
  regex: (_args, rawArgs) => {
    let pattern: RegExp;
    try {
      // ASP.NET Core evaluates regex constraints with IgnoreCase | CultureInvariant, unanchored.
      pattern = new RegExp(dotnetRegexToJs(rawArgs), 'i');
    } catch (error) {
      throw new ConstraintError(
        `"regex(${rawArgs})" is not a valid regular expression: ${(error as Error).message}`,
      );
    }
    return { test: (v) => pattern.test(v), probes: [] };
  },
};

export const KNOWN_CONSTRAINTS: string[] = Object.keys(FACTORIES);

/** Builds a constraint from its inline text, e.g. `min(1)` or `regex(^\d+$)`. */
export function createConstraint(text: string): RouteConstraint {
  const open = text.indexOf('(');
  const name = (open === -1 ? text : text.slice(0, open)).trim().toLowerCase();
  if (open !== -1 && !text.endsWith(')')) {
    throw new ConstraintError(`Constraint "${text}" has an opening "(" without a closing ")".`);
  }
  const rawArgs = open === -1 ? '' : text.slice(open + 1, -1);
  const factory = FACTORIES[name];
  if (!factory) {
    throw new ConstraintError(
      `Unknown route constraint "${name}". Use one of: ${KNOWN_CONSTRAINTS.join(', ')}.`,
    );
  }
  const args =
    open === -1 ? [] : name === 'regex' ? [rawArgs] : rawArgs.split(',').map((a) => a.trim());
  return { name, text, ...factory(args, rawArgs) };
}
