import { ExpressionRuntimeError } from '../expressions/expression-error.js';
import type { PolicyValue } from '../expressions/policy-value.js';
import { toDotNetString } from '../expressions/runtime-helpers.js';
import type { ExpressionScope } from '../expressions/runtime-types.js';
import type { XmlElement } from '../xml/xml-element.js';
import type { CompileContext } from './compile-context.js';

export type Evaluator<T> = (scope: ExpressionScope) => T;

/** Unknown attributes are typos or unsupported features: reject them instead of ignoring them. */
export function checkAttributes(
  element: XmlElement,
  cc: CompileContext,
  allowed: readonly string[],
  required: readonly string[] = [],
): void {
  for (const name of Object.keys(element.attributes)) {
    if (name !== 'id' && !allowed.includes(name)) {
      cc.fail(`unknown or unsupported attribute "${name}" on <${element.name}>`, element.line);
    }
  }
  for (const name of required) {
    if (element.attributes[name] === undefined)
      cc.fail(`<${element.name}> requires attribute "${name}"`, element.line);
  }
}

export function checkChildren(
  element: XmlElement,
  cc: CompileContext,
  allowed: readonly string[],
): void {
  for (const child of element.children) {
    if (!allowed.includes(child.name)) {
      const hint = allowed.length > 0 ? ` (allowed: ${allowed.join(', ')})` : '';
      cc.fail(`unexpected element <${child.name}> inside <${element.name}>${hint}`, child.line);
    }
  }
}

export function checkNoText(element: XmlElement, cc: CompileContext): void {
  if (element.text.trim() !== '')
    cc.fail(`<${element.name}> does not take text content`, element.line);
}

/** An attribute APIM documents as "policy expressions are not allowed". */
export function literalAttribute(
  element: XmlElement,
  cc: CompileContext,
  name: string,
): string | undefined {
  const value = element.attributes[name];
  if (value !== undefined && /^\s*@[({]/.test(value)) {
    cc.fail(
      `attribute "${name}" of <${element.name}> does not accept policy expressions`,
      element.line,
    );
  }
  return value;
}

export function booleanAttribute(
  element: XmlElement,
  cc: CompileContext,
  name: string,
  fallback: boolean,
): boolean {
  const value = literalAttribute(element, cc, name);
  if (value === undefined) return fallback;
  const normalized = value.trim().toLowerCase();
  if (normalized !== 'true' && normalized !== 'false') {
    cc.fail(`attribute "${name}" must be true or false, got "${value}"`, element.line);
  }
  return normalized === 'true';
}

export function enumAttribute<T extends string>(
  element: XmlElement,
  cc: CompileContext,
  name: string,
  values: readonly T[],
  fallback: T,
): T {
  const value = literalAttribute(element, cc, name);
  if (value === undefined) return fallback;
  if (!(values as readonly string[]).includes(value)) {
    cc.fail(
      `attribute "${name}" must be one of ${values.join(', ')}, got "${value}"`,
      element.line,
    );
  }
  return value as T;
}

export function stringAttribute(
  element: XmlElement,
  cc: CompileContext,
  name: string,
): PolicyValue | undefined {
  const raw = element.attributes[name];
  return raw === undefined ? undefined : cc.value(raw, `attribute "${name}"`, element.line);
}

export function textValue(element: XmlElement, cc: CompileContext, trim = true): PolicyValue {
  checkChildren(element, cc, []);
  const text = trim ? element.text.trim() : element.text;
  return cc.value(text, `<${element.name}> text`, element.line);
}

export function asString(value: unknown): string {
  return toDotNetString(value);
}

/** Integer attribute: literal values are checked at load, expressions when they run. */
export function integerAttribute(
  element: XmlElement,
  cc: CompileContext,
  name: string,
  options: { min?: number; max?: number; expressions?: boolean; fallback?: number },
): Evaluator<number> | undefined {
  const raw = element.attributes[name];
  if (raw === undefined) {
    return options.fallback === undefined ? undefined : () => options.fallback as number;
  }
  const check = (n: number): string | undefined => {
    if (!Number.isInteger(n)) return 'must be an integer';
    if (options.min !== undefined && n < options.min) return `must be at least ${options.min}`;
    if (options.max !== undefined && n > options.max) return `must be at most ${options.max}`;
    return undefined;
  };
  const value = options.expressions
    ? cc.value(raw, `attribute "${name}"`, element.line)
    : undefined;
  if (!value?.isExpression) {
    if (!options.expressions) literalAttribute(element, cc, name);
    const parsed = /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
    const problem = Number.isNaN(parsed) ? 'must be an integer' : check(parsed);
    if (problem) cc.fail(`attribute "${name}" ${problem}, got "${raw}"`, element.line);
    return () => parsed;
  }
  if (!['number', 'string', 'object'].includes(value.type)) {
    cc.fail(`attribute "${name}" expression must produce an int, not ${value.type}`, element.line);
  }
  return (scope) => {
    const result = value.evaluate(scope);
    const parsed = typeof result === 'number' ? result : Number(String(result));
    const problem = Number.isNaN(parsed) ? 'must be an integer' : check(parsed);
    if (problem)
      throw new ExpressionRuntimeError(`attribute "${name}" ${problem}, got "${String(result)}"`);
    return parsed;
  };
}

/** Boolean attribute that may be an expression (e.g. increment-condition, when/@condition). */
export function conditionAttribute(
  element: XmlElement,
  cc: CompileContext,
  name: string,
): Evaluator<boolean> | undefined {
  const raw = element.attributes[name];
  if (raw === undefined) return undefined;
  const value = cc.value(raw, `attribute "${name}"`, element.line);
  if (!value.isExpression) {
    const normalized = raw.trim().toLowerCase();
    if (normalized !== 'true' && normalized !== 'false') {
      cc.fail(
        `attribute "${name}" must be true, false or a boolean expression, got "${raw}"`,
        element.line,
      );
    }
    return () => normalized === 'true';
  }
  if (value.type !== 'bool')
    cc.fail(`attribute "${name}" expression must produce a bool, not ${value.type}`, element.line);
  return (scope) => value.evaluate(scope) === true;
}
