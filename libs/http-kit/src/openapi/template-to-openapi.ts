import type { ParameterPart, RouteTemplate } from '@cookbook/route-template';

import type { JsonObject } from './openapi-types.js';

/** One OpenAPI path for a route template; optional trailing parameters give shorter variants. */
export interface OpenApiPathVariant {
  readonly path: string;
  readonly parameters: readonly ParameterPart[];
  /** Parameters left out of this variant (empty for the full path). */
  readonly omitted: readonly ParameterPart[];
}

function numberArgument(argument: string | undefined): number | undefined {
  const value = Number(argument);
  return argument !== undefined && argument.trim() !== '' && Number.isFinite(value)
    ? value
    : undefined;
}

/** JSON Schema for a path parameter from its inline constraints (`{id:int}` → integer). */
export function constraintSchema(parameter: ParameterPart): JsonObject {
  const schema: JsonObject = { type: 'string' };
  for (const { name, argument } of parameter.constraints) {
    const args = (argument ?? '').split(',').map((part) => numberArgument(part));
    switch (name) {
      case 'int':
        Object.assign(schema, { type: 'integer', format: 'int32' });
        break;
      case 'long':
        Object.assign(schema, { type: 'integer', format: 'int64' });
        break;
      case 'bool':
        schema.type = 'boolean';
        break;
      case 'decimal':
      case 'double':
      case 'float':
        schema.type = 'number';
        break;
      case 'guid':
        schema.format = 'uuid';
        break;
      case 'alpha':
        schema.pattern = '^[A-Za-z]+$';
        break;
      case 'minlength':
        if (args[0] !== undefined) schema.minLength = args[0];
        break;
      case 'maxlength':
        if (args[0] !== undefined) schema.maxLength = args[0];
        break;
      case 'length':
        if (args[0] !== undefined) schema.minLength = args[0];
        if ((args[1] ?? args[0]) !== undefined) schema.maxLength = args[1] ?? args[0] ?? 0;
        break;
      case 'min':
      case 'max':
      case 'range': {
        // ASP.NET min/max/range constrain a 64-bit integer.
        schema.type = 'integer';
        const [low, high] = name === 'max' ? [undefined, args[0]] : [args[0], args[1]];
        if (low !== undefined) schema.minimum = low;
        if (name !== 'min' && high !== undefined) schema.maximum = high;
        break;
      }
      case 'regex':
        if (argument) schema.pattern = argument;
        break;
      default:
        break;
    }
  }
  if (parameter.defaultValue !== undefined) {
    const numeric = schema.type === 'integer' || schema.type === 'number';
    schema.default = numeric ? Number(parameter.defaultValue) : parameter.defaultValue;
  }
  return schema;
}

function renderPath(template: RouteTemplate, segmentCount: number): string {
  const segments = template.segments
    .slice(0, segmentCount)
    .map(({ parts }) =>
      parts.map((part) => (part.kind === 'literal' ? part.text : `{${part.name}}`)).join(''),
    );
  return `/${segments.join('/')}`;
}

function omittable(parameter: ParameterPart): boolean {
  return parameter.optional || parameter.catchAll || parameter.defaultValue !== undefined;
}

/**
 * OpenAPI paths for a template with constraints stripped (`items/{id:int}` → `/items/{id}`).
 * OpenAPI path parameters are always required, so each omittable trailing segment
 * (`{id?}`, `{id=1}`, `{*rest}`) adds a shorter path without it.
 */
export function templateToOpenApiPaths(template: RouteTemplate): OpenApiPathVariant[] {
  const variants: OpenApiPathVariant[] = [];
  const all = template.parameters;
  let count = template.segments.length;
  for (;;) {
    const kept = template.segments.slice(0, count).flatMap(({ parts }) => parts);
    const parameters = kept.flatMap((part) => (part.kind === 'parameter' ? [part] : []));
    variants.push({
      path: renderPath(template, count),
      parameters,
      omitted: all.filter((parameter) => !parameters.includes(parameter)),
    });
    const last = template.segments[count - 1]?.parts;
    const onlyOmittable =
      last !== undefined &&
      last.length === 1 &&
      last[0]?.kind === 'parameter' &&
      omittable(last[0]);
    if (!onlyOmittable || count === 1) break;
    count -= 1;
  }
  return variants;
}
