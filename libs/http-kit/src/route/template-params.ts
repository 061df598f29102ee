type ParamName<TToken extends string> = TToken extends `*${infer TRest}`
  ? ParamName<TRest>
  : TToken extends `${infer TName}:${string}`
    ? ParamName<TName>
    : TToken extends `${infer TName}=${string}`
      ? ParamName<TName>
      : TToken extends `${infer TName}?`
        ? TName
        : TToken;

// Catch-all and `?` parameters may be absent: the host leaves them out of params.
type IsOptional<TToken extends string> = TToken extends `*${string}`
  ? true
  : TToken extends `${string}?`
    ? true
    : false;

type Tokens<TRoute extends string> = TRoute extends `${string}{${infer TToken}}${infer TRest}`
  ? TToken | Tokens<TRest>
  : never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** Route-template parameters as the host passes them, e.g. `items/{id:int}/{tag?}` → `{ id: string; tag?: string }`. */
export type TemplateParams<TRoute extends string> = string extends TRoute
  ? Readonly<Record<string, string | undefined>>
  : Simplify<
      {
        readonly [TToken in Tokens<TRoute> as IsOptional<TToken> extends true
          ? never
          : ParamName<TToken>]: string;
      } & {
        readonly [TToken in Tokens<TRoute> as IsOptional<TToken> extends true
          ? ParamName<TToken>
          : never]?: string;
      }
    >;
