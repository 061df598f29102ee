export type TypeName =
  | 'context'
  | 'request'
  | 'response'
  | 'url'
  | 'multimap'
  | 'params'
  | 'variables'
  | 'subscription'
  | 'lastError'
  | 'operation'
  | 'api'
  | 'jwt'
  | 'claims'
  | 'string'
  | 'number'
  | 'bool'
  | 'guid'
  | 'datetime'
  | 'stringArray'
  | 'object'
  | 'null'
  | 'stringComparison'
  | 'static:string'
  | 'static:Guid'
  | 'static:DateTime'
  | 'static:StringComparison';

export interface PropertyDef {
  kind: 'property';
  type: TypeName;
  get(target: never): unknown;
}

export interface MethodDef {
  kind: 'method';
  /** Allowed argument types per position; trailing entries beyond `required` are optional. */
  params: TypeName[];
  required: number;
  variadic?: boolean;
  /** Generic type arguments accepted (`GetValueOrDefault<string>`); omitted means none. */
  typeArguments?: boolean;
  returns(typeArgument: TypeName | undefined): TypeName;
  call(target: never, args: unknown[], typeArgument: TypeName | undefined): unknown;
}

export type MemberDef = PropertyDef | MethodDef;

export interface IndexerDef {
  index: TypeName;
  returns: TypeName;
  get(target: never, index: never): unknown;
}

/** C# type keywords usable in casts and generic arguments. */
export const TYPE_KEYWORDS: Record<string, TypeName> = {
  string: 'string',
  int: 'number',
  long: 'number',
  double: 'number',
  bool: 'bool',
  Jwt: 'jwt',
};

export function isAssignable(to: TypeName, from: TypeName): boolean {
  if (to === from || to === 'object') return true;
  if (from === 'null') return !['number', 'bool'].includes(to);
  if (from === 'object') return false;
  return false;
}

export function describeType(type: TypeName): string {
  return type.startsWith('static:') ? type.slice('static:'.length) : type;
}
