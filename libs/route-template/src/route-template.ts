/** Literal text of a segment, matched case-insensitively (`items`, `.` in `{name}.{ext}`). */
export interface LiteralPart {
  readonly kind: 'literal';
  /** The text with `{{` / `}}` already unescaped to `{` / `}`. */
  readonly text: string;
}

/** An inline constraint such as `int`, `min(1)` or `regex(^\d+$)`. */
export interface RouteConstraint {
  /** Lower-case name (ASP.NET Core looks constraints up case-insensitively). */
  readonly name: string;
  /** The text between the parentheses, unsplit; undefined when there are none. */
  readonly argument: string | undefined;
}

/** A `{parameter}`: `{id}`, `{id?}`, `{page=1}`, `{*rest}`, `{id:int:min(1)}`. */
export interface ParameterPart {
  readonly kind: 'parameter';
  readonly name: string;
  /** `{id?}`: may be absent; the host then leaves it out of the route values. */
  readonly optional: boolean;
  /** `{*rest}` / `{**rest}`: the rest of the path, `/` included; may be empty. */
  readonly catchAll: boolean;
  /** `{page=1}`: the value used when the segment is absent. */
  readonly defaultValue: string | undefined;
  readonly constraints: readonly RouteConstraint[];
}

/** One part of a segment. */
export type TemplatePart = LiteralPart | ParameterPart;

/** The text between two `/`: one literal, one parameter, or a mix such as `{name}.{ext?}`. */
export interface TemplateSegment {
  readonly parts: readonly TemplatePart[];
}

/** A parsed ASP.NET Core route template, as the Azure Functions host matches it. */
export interface RouteTemplate {
  /** The template as parsed, without the leading `/` or `~/` ASP.NET Core trims. */
  readonly text: string;
  readonly segments: readonly TemplateSegment[];
  /** Every parameter in template order. */
  readonly parameters: readonly ParameterPart[];
}
