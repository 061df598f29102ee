import type { BinaryOperator, Expression } from './ast.js';
import { ExpressionSyntaxError } from './expression-error.js';
import { type Token, tokenize } from './tokenize.js';

export const CAST_TYPES: ReadonlySet<string> = new Set([
  'string',
  'int',
  'long',
  'double',
  'bool',
  'Jwt',
]);

const REJECTED_KEYWORDS: Record<string, string> = {
  new: 'object creation (new) is not supported',
  var: 'statements are not supported',
  if: 'statements are not supported',
  for: 'loops are not supported',
  foreach: 'loops are not supported',
  while: 'loops are not supported',
  return: 'return is only supported as @{ return <expression>; }',
  typeof: 'typeof is not supported',
  is: 'type tests (is) are not supported',
  as: 'as-casts are not supported; use (Type)value',
  default: 'default(...) is not supported',
};

const BINARY_LEVELS: BinaryOperator[][] = [
  ['||'],
  ['&&'],
  ['==', '!='],
  ['<', '<=', '>', '>='],
  ['+', '-'],
];

/** Recursive-descent parser for the single-expression subset of C# used in `@(...)`. */
export function parseExpression(source: string): Expression {
  return new Parser(tokenize(source)).parseAll();
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  parseAll(): Expression {
    const expression = this.parseConditional();
    const rest = this.peek();
    if (rest.kind !== 'end') throw this.unexpected(rest);
    return expression;
  }

  private parseConditional(): Expression {
    const test = this.parseCoalesce();
    if (!this.isPunctuator('?')) return test;
    const position = this.next().position;
    const then = this.parseConditional();
    this.expect(':');
    const otherwise = this.parseConditional();
    return { kind: 'conditional', test, then, otherwise, position };
  }

  private parseCoalesce(): Expression {
    const left = this.parseBinary(0);
    if (!this.isPunctuator('??')) return left;
    const position = this.next().position;
    const right = this.parseCoalesce();
    return { kind: 'binary', operator: '??', left, right, position };
  }

  private parseBinary(level: number): Expression {
    const operators = BINARY_LEVELS[level];
    if (!operators) return this.parseUnary();
    let left = this.parseBinary(level + 1);
    for (;;) {
      const token = this.peek();
      const operator = operators.find((op) => token.kind === 'punctuator' && token.value === op);
      if (!operator) return left;
      this.next();
      const right = this.parseBinary(level + 1);
      left = { kind: 'binary', operator, left, right, position: token.position };
    }
  }

  private parseUnary(): Expression {
    const token = this.peek();
    if (token.kind === 'punctuator' && (token.value === '!' || token.value === '-')) {
      this.next();
      return {
        kind: 'unary',
        operator: token.value,
        operand: this.parseUnary(),
        position: token.position,
      };
    }
    if (this.isCast()) {
      this.next();
      const type = this.next().value;
      this.next();
      return { kind: 'cast', type, operand: this.parseUnary(), position: token.position };
    }
    return this.parsePostfix(this.parsePrimary());
  }

  private isCast(): boolean {
    const [open, type, close] = [this.peek(0), this.peek(1), this.peek(2)];
    return (
      open.kind === 'punctuator' &&
      open.value === '(' &&
      type.kind === 'identifier' &&
      CAST_TYPES.has(type.value) &&
      close.kind === 'punctuator' &&
      close.value === ')'
    );
  }

  private parsePrimary(): Expression {
    const token = this.next();
    switch (token.kind) {
      case 'number':
        return { kind: 'literal', value: Number(token.value), position: token.position };
      case 'string':
        return { kind: 'literal', value: token.value, position: token.position };
      case 'identifier':
        return this.identifierOrKeyword(token);
      case 'punctuator':
        if (token.value === '(') {
          const inner = this.parseConditional();
          this.expect(')');
          return inner;
        }
        throw this.unexpected(token);
      default:
        throw new ExpressionSyntaxError(
          'unexpected end of expression',
          token.value,
          token.position,
        );
    }
  }

  private identifierOrKeyword(token: Token): Expression {
    const rejected = REJECTED_KEYWORDS[token.value];
    if (rejected) throw new ExpressionSyntaxError(rejected, token.value, token.position);
    if (token.value === 'true' || token.value === 'false') {
      return { kind: 'literal', value: token.value === 'true', position: token.position };
    }
    if (token.value === 'null') return { kind: 'literal', value: null, position: token.position };
    return { kind: 'identifier', name: token.value, position: token.position };
  }

  private parsePostfix(start: Expression): Expression {
    let target = start;
    for (;;) {
      const token = this.peek();
      if (token.kind !== 'punctuator') return target;
      if (token.value === '.' || token.value === '?.') {
        this.next();
        const name = this.next();
        if (name.kind !== 'identifier') throw this.unexpected(name);
        const optional = token.value === '?.';
        const typeArguments = this.parseTypeArguments();
        if (this.isPunctuator('(')) {
          this.next();
          const args = this.parseArguments();
          target = {
            kind: 'call',
            target,
            name: name.value,
            typeArguments,
            args,
            optional,
            position: name.position,
          };
        } else if (typeArguments.length > 0) {
          throw this.unexpected(this.peek());
        } else {
          target = { kind: 'member', target, name: name.value, optional, position: name.position };
        }
      } else if (token.value === '[') {
        this.next();
        const index = this.parseConditional();
        this.expect(']');
        target = { kind: 'index', target, index, optional: false, position: token.position };
      } else if (token.value === '(') {
        throw new ExpressionSyntaxError(
          'only method calls on members are supported',
          '(',
          token.position,
        );
      } else {
        return target;
      }
    }
  }

  // `Name<T>(` is a generic call; anything else leaves '<' to the relational operator.
  private parseTypeArguments(): string[] {
    const [open, type, close, paren] = [this.peek(0), this.peek(1), this.peek(2), this.peek(3)];
    const isGeneric =
      open.kind === 'punctuator' &&
      open.value === '<' &&
      type.kind === 'identifier' &&
      close.kind === 'punctuator' &&
      close.value === '>' &&
      paren.kind === 'punctuator' &&
      paren.value === '(';
    if (!isGeneric) return [];
    this.index += 3;
    return [type.value];
  }

  private parseArguments(): Expression[] {
    const args: Expression[] = [];
    if (this.isPunctuator(')')) {
      this.next();
      return args;
    }
    for (;;) {
      args.push(this.parseConditional());
      const token = this.next();
      if (token.kind === 'punctuator' && token.value === ')') return args;
      if (!(token.kind === 'punctuator' && token.value === ',')) throw this.unexpected(token);
    }
  }

  private expect(value: string): void {
    const token = this.next();
    if (token.kind !== 'punctuator' || token.value !== value) throw this.unexpected(token, value);
  }

  private isPunctuator(value: string): boolean {
    const token = this.peek();
    return token.kind === 'punctuator' && token.value === value;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index++;
    return token;
  }

  private unexpected(token: Token, expected?: string): ExpressionSyntaxError {
    const message = expected ? `expected '${expected}'` : 'unexpected token';
    return new ExpressionSyntaxError(message, token.value, token.position);
  }
}
