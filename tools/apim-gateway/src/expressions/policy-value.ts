import { compileExpression } from './compile-expression.js';
import { ExpressionSyntaxError } from './expression-error.js';
import type { ExpressionScope } from './runtime-types.js';
import type { TypeName } from './type-system.js';

/** An attribute or element value: either a literal or a whole `@(...)` / `@{ return ...; }`. */
export interface PolicyValue {
  readonly isExpression: boolean;
  readonly source: string;
  readonly type: TypeName;
  evaluate(scope: ExpressionScope): unknown;
}

const BLOCK = /^@\{\s*return\b([\s\S]*);\s*\}$/;

export function compilePolicyValue(raw: string): PolicyValue {
  const source = raw.trim();
  if (source.startsWith('@(') && source.endsWith(')')) {
    const compiled = compileExpression(source.slice(2, -1));
    return { isExpression: true, source, type: compiled.type, evaluate: compiled.evaluate };
  }
  if (source.startsWith('@{')) {
    const match = BLOCK.exec(source);
    if (!match) {
      throw new ExpressionSyntaxError(
        'multi-statement @{...} blocks are not supported; only @{ return <expression>; }',
        source.slice(0, 40),
        0,
      );
    }
    const compiled = compileExpression(match[1] ?? '');
    return { isExpression: true, source, type: compiled.type, evaluate: compiled.evaluate };
  }
  const embedded = /@[({]/.exec(raw);
  if (embedded) {
    throw new ExpressionSyntaxError(
      'a policy expression must be the entire value (APIM does not interpolate @(...) inside text)',
      embedded[0],
      embedded.index,
    );
  }
  return { isExpression: false, source: raw, type: 'string', evaluate: () => raw };
}
