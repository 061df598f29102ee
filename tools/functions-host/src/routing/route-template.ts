import type { RouteConstraint } from './route-constraints.js';

export interface LiteralPart {
  kind: 'literal';
  text: string;
}

export interface ParameterPart {
  kind: 'parameter';
  name: string;
  optional: boolean;
  catchAll: boolean;
  defaultValue: string | undefined;
  constraints: RouteConstraint[];
}

export type TemplatePart = LiteralPart | ParameterPart;

export interface TemplateSegment {
  parts: TemplatePart[];
}

export interface RouteTemplate {
  /** The template as written, prefix included (e.g. `api/items/{id:int}`). */
  text: string;
  segments: TemplateSegment[];
  /** Every parameter, in template order (precomputed: matching runs per request). */
  parameters: ParameterPart[];
}

export class RouteTemplateError extends Error {}
