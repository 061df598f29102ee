import type { Expression } from './ast.js';
import { ExpressionRuntimeError, ExpressionSyntaxError } from './expression-error.js';
import { INDEXERS, MEMBERS, STATIC_IDENTIFIERS } from './members.js';
import { parseExpression } from './parse-expression.js';
import { convertTo, toDotNetString } from './runtime-helpers.js';
import type { ExpressionScope } from './runtime-types.js';
import {
  describeType,
  isAssignable,
  type MethodDef,
  TYPE_KEYWORDS,
  type TypeName,
} from './type-system.js';

export interface CompiledExpression {
  type: TypeName;
  evaluate(scope: ExpressionScope): unknown;
}

/** Parses and type-checks once (load time); the returned closure only runs supported code. */
export function compileExpression(source: string): CompiledExpression {
  const compiled = compileNode(parseExpression(source));
  if (compiled.type.startsWith('static:')) {
    throw new ExpressionSyntaxError('a type name is not a value', describeType(compiled.type), 0);
  }
  return compiled;
}

function fail(message: string, token: string, position: number): never {
  throw new ExpressionSyntaxError(message, token, position);
}

/** Thrown by `?.` on null; caught at the end of the member chain so `a?.B.C` is null as in C#. */
const NULL_SHORT_CIRCUIT = Symbol('null-short-circuit');

function compileNode(node: Expression, chainRoot = true): CompiledExpression {
  // only a chain with a `?.` can short-circuit: the others need no try/catch layer per evaluation
  if (chainRoot && isChain(node) && chainHasOptional(node)) {
    const inner = compileChainPart(node);
    return {
      type: inner.type,
      evaluate: (scope) => {
        try {
          return inner.evaluate(scope);
        } catch (error) {
          if (error === NULL_SHORT_CIRCUIT) return null;
          throw error;
        }
      },
    };
  }
  return compileChainPart(node);
}

type ChainNode = Extract<Expression, { kind: 'member' | 'call' | 'index' }>;

function isChain(node: Expression): node is ChainNode {
  return node.kind === 'member' || node.kind === 'call' || node.kind === 'index';
}

/** NULL_SHORT_CIRCUIT is thrown only by a `?.` of this chain (a cast or argument is its own chain). */
function chainHasOptional(node: ChainNode): boolean {
  for (let part: Expression = node; isChain(part); part = part.target) {
    if (part.optional) return true;
  }
  return false;
}

function compileChainPart(node: Expression): CompiledExpression {
  switch (node.kind) {
    case 'literal':
      return { type: literalType(node.value), evaluate: () => node.value };
    case 'identifier': {
      const type = STATIC_IDENTIFIERS[node.name];
      if (!type)
        fail(
          'unknown identifier (only context, string, Guid, DateTime, StringComparison)',
          node.name,
          node.position,
        );
      return { type, evaluate: type === 'context' ? (scope) => scope : () => null };
    }
    case 'member':
      return compileMember(node);
    case 'call':
      return compileCall(node);
    case 'index':
      return compileIndex(node);
    case 'unary':
      return compileUnary(node);
    case 'binary':
      return compileBinary(node);
    case 'conditional':
      return compileConditional(node);
    case 'cast':
      return compileCast(node);
  }
}

function literalType(value: string | number | boolean | null): TypeName {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  return 'bool';
}

/** Member access semantics: null target throws (NullReferenceException) unless `?.` was used. */
function accessTarget(
  target: CompiledExpression,
  optional: boolean,
  name: string,
): (scope: ExpressionScope) => unknown {
  const isStatic = target.type.startsWith('static:');
  return (scope) => {
    const value = target.evaluate(scope);
    if (!isStatic && (value === null || value === undefined)) {
      if (optional) throw NULL_SHORT_CIRCUIT;
      throw new ExpressionRuntimeError(`NullReferenceException: cannot read '${name}' of null`);
    }
    return value;
  };
}

function compileMember(node: Extract<Expression, { kind: 'member' }>): CompiledExpression {
  const target = compileNode(node.target, false);
  const member = MEMBERS[target.type]?.[node.name];
  if (!member)
    fail(`'${describeType(target.type)}' has no supported member`, node.name, node.position);
  if (member.kind !== 'property') fail('method used without calling it', node.name, node.position);
  const access = accessTarget(target, node.optional, node.name);
  return {
    type: member.type,
    evaluate: (scope) => member.get(access(scope) as never),
  };
}

function compileCall(node: Extract<Expression, { kind: 'call' }>): CompiledExpression {
  const target = compileNode(node.target, false);
  const member = MEMBERS[target.type]?.[node.name];
  if (!member)
    fail(`'${describeType(target.type)}' has no supported method`, node.name, node.position);
  if (member.kind !== 'method') fail('property called like a method', node.name, node.position);
  const typeArgument = resolveTypeArgument(node, member);
  const args = node.args.map((arg) => compileNode(arg));
  checkArguments(node, member, args);
  const access = accessTarget(target, node.optional, node.name);
  return {
    type: member.returns(typeArgument),
    evaluate: (scope) => {
      const target = access(scope) as never;
      // a plain loop: no closure per call (the target is read first, as before)
      const values: unknown[] = [];
      for (const arg of args) values.push(arg.evaluate(scope));
      return member.call(target, values, typeArgument);
    },
  };
}

function resolveTypeArgument(
  node: Extract<Expression, { kind: 'call' }>,
  member: MethodDef,
): TypeName | undefined {
  const [typeArgument] = node.typeArguments;
  if (typeArgument === undefined) return undefined;
  if (!member.typeArguments)
    fail('generic type arguments are not supported here', typeArgument, node.position);
  const type = TYPE_KEYWORDS[typeArgument];
  if (!type) fail('unsupported generic type argument', typeArgument, node.position);
  return type;
}

function checkArguments(
  node: Extract<Expression, { kind: 'call' }>,
  member: MethodDef,
  args: CompiledExpression[],
): void {
  const max = member.variadic ? Infinity : member.params.length;
  if (args.length < member.required || args.length > max) {
    fail(`wrong number of arguments (${args.length}) for`, node.name, node.position);
  }
  args.forEach((arg, i) => {
    const expected = member.params[Math.min(i, member.params.length - 1)] as TypeName;
    if (!isAssignable(expected, arg.type)) {
      const position = node.args[i]?.position ?? node.position;
      fail(
        `argument ${i + 1} of ${node.name} must be ${describeType(expected)}, got ${describeType(arg.type)}`,
        node.name,
        position,
      );
    }
  });
}

function compileIndex(node: Extract<Expression, { kind: 'index' }>): CompiledExpression {
  const target = compileNode(node.target, false);
  const indexer = INDEXERS[target.type];
  if (!indexer) fail(`'${describeType(target.type)}' cannot be indexed`, '[', node.position);
  const index = compileNode(node.index);
  if (index.type !== indexer.index) fail(`index must be ${indexer.index}`, '[', node.position);
  const access = accessTarget(target, false, '[]');
  return {
    type: indexer.returns,
    evaluate: (scope) => indexer.get(access(scope) as never, index.evaluate(scope) as never),
  };
}

function compileUnary(node: Extract<Expression, { kind: 'unary' }>): CompiledExpression {
  const operand = compileNode(node.operand);
  const expected: TypeName = node.operator === '!' ? 'bool' : 'number';
  if (operand.type !== expected)
    fail(`operator ${node.operator} needs a ${expected} operand`, node.operator, node.position);
  return node.operator === '!'
    ? { type: 'bool', evaluate: (scope) => !operand.evaluate(scope) }
    : { type: 'number', evaluate: (scope) => -(operand.evaluate(scope) as number) };
}

function compileBinary(node: Extract<Expression, { kind: 'binary' }>): CompiledExpression {
  const left = compileNode(node.left);
  const right = compileNode(node.right);
  const op = node.operator;
  const bad = (): never =>
    fail(
      `operator ${op} cannot combine ${describeType(left.type)} and ${describeType(right.type)}`,
      op,
      node.position,
    );
  switch (op) {
    case '&&':
    case '||':
      if (left.type !== 'bool' || right.type !== 'bool') bad();
      return op === '&&'
        ? { type: 'bool', evaluate: (s) => Boolean(left.evaluate(s)) && Boolean(right.evaluate(s)) }
        : {
            type: 'bool',
            evaluate: (s) => Boolean(left.evaluate(s)) || Boolean(right.evaluate(s)),
          };
    case '==':
    case '!=': {
      const equal = (s: ExpressionScope): boolean =>
        looseEquals(left.evaluate(s), right.evaluate(s));
      return { type: 'bool', evaluate: op === '==' ? equal : (s) => !equal(s) };
    }
    case '<':
    case '<=':
    case '>':
    case '>=':
      if (!isOrderable(left.type) || left.type !== right.type) bad();
      return { type: 'bool', evaluate: (s) => relational(op, left.evaluate(s), right.evaluate(s)) };
    case '+':
      if (left.type === 'string' || right.type === 'string') {
        return {
          type: 'string',
          evaluate: (s) => toDotNetString(left.evaluate(s)) + toDotNetString(right.evaluate(s)),
        };
      }
      if (left.type !== 'number' || right.type !== 'number') bad();
      return {
        type: 'number',
        evaluate: (s) => (left.evaluate(s) as number) + (right.evaluate(s) as number),
      };
    case '-':
      if (left.type !== 'number' || right.type !== 'number') bad();
      return {
        type: 'number',
        evaluate: (s) => (left.evaluate(s) as number) - (right.evaluate(s) as number),
      };
    case '??':
      return {
        type: left.type === 'null' ? right.type : left.type,
        evaluate: (s) => left.evaluate(s) ?? right.evaluate(s),
      };
  }
}

function isOrderable(type: TypeName): boolean {
  return type === 'number' || type === 'datetime';
}

function relational(op: '<' | '<=' | '>' | '>=', a: unknown, b: unknown): boolean {
  const x = a instanceof Date ? a.getTime() : (a as number);
  const y = b instanceof Date ? b.getTime() : (b as number);
  if (op === '<') return x < y;
  if (op === '<=') return x <= y;
  if (op === '>') return x > y;
  return x >= y;
}

function looseEquals(a: unknown, b: unknown): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (x instanceof Date && y instanceof Date) return x.getTime() === y.getTime();
  return x === y;
}

function compileConditional(
  node: Extract<Expression, { kind: 'conditional' }>,
): CompiledExpression {
  const test = compileNode(node.test);
  if (test.type !== 'bool') fail('condition of ?: must be bool', '?', node.position);
  const then = compileNode(node.then);
  const otherwise = compileNode(node.otherwise);
  return {
    type: unify(then.type, otherwise.type),
    evaluate: (s) => (test.evaluate(s) ? then.evaluate(s) : otherwise.evaluate(s)),
  };
}

function unify(a: TypeName, b: TypeName): TypeName {
  if (a === b) return a;
  if (a === 'null') return b;
  if (b === 'null') return a;
  return 'object';
}

function compileCast(node: Extract<Expression, { kind: 'cast' }>): CompiledExpression {
  const type = TYPE_KEYWORDS[node.type];
  if (!type) fail('unsupported cast', node.type, node.position);
  const operand = compileNode(node.operand);
  const allowed = operand.type === type || operand.type === 'object' || operand.type === 'null';
  if (!allowed)
    fail(`cannot cast ${describeType(operand.type)} to ${node.type}`, node.type, node.position);
  return { type, evaluate: (s) => convertTo(type, operand.evaluate(s)) };
}
