import { ExpressionRuntimeError } from './expression-error.js';
import { JwtValue } from './runtime-types.js';
import type { TypeName } from './type-system.js';

/** C# `ToString()` of a runtime value (booleans print as True/False like .NET). */
export function toDotNetString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return 'System.String[]';
  if (value instanceof JwtValue) return 'Jwt';
  return String(value);
}

/** C# explicit cast / generic conversion semantics for the supported types. */
export function convertTo(type: TypeName, value: unknown): unknown {
  if (value === null || value === undefined) {
    if (type === 'number' || type === 'bool') {
      throw new ExpressionRuntimeError(
        `cannot convert null to ${type === 'bool' ? 'bool' : 'int'}`,
      );
    }
    return null;
  }
  const ok =
    (type === 'string' && typeof value === 'string') ||
    (type === 'number' && typeof value === 'number') ||
    (type === 'bool' && typeof value === 'boolean') ||
    (type === 'jwt' && value instanceof JwtValue) ||
    type === 'object';
  if (!ok) {
    throw new ExpressionRuntimeError(`InvalidCastException: value is not a ${type}`);
  }
  return value;
}

export function defaultOf(type: TypeName | undefined): unknown {
  if (type === 'number') return 0;
  if (type === 'bool') return false;
  return null;
}

export function joinValues(values: string[] | undefined, fallback: unknown): unknown {
  return values === undefined ? fallback : values.join(',');
}
