export type Expression =
  | { kind: 'literal'; value: string | number | boolean | null; position: number }
  | { kind: 'identifier'; name: string; position: number }
  | { kind: 'member'; target: Expression; name: string; optional: boolean; position: number }
  | {
      kind: 'call';
      target: Expression;
      name: string;
      typeArguments: string[];
      args: Expression[];
      optional: boolean;
      position: number;
    }
  | { kind: 'index'; target: Expression; index: Expression; optional: boolean; position: number }
  | { kind: 'unary'; operator: '!' | '-'; operand: Expression; position: number }
  | {
      kind: 'binary';
      operator: BinaryOperator;
      left: Expression;
      right: Expression;
      position: number;
    }
  | {
      kind: 'conditional';
      test: Expression;
      then: Expression;
      otherwise: Expression;
      position: number;
    }
  | { kind: 'cast'; type: string; operand: Expression; position: number };

export type BinaryOperator = '??' | '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-';
