import type { AnyRoute, ObjectSchema } from '../route/route-types.js';
import type { JsonObject } from './openapi-types.js';
import type { SchemaComponents } from './schema-components.js';
import { labelOf } from './schema-label.js';
import { constraintSchema, type OpenApiPathVariant } from './template-to-openapi.js';

/** Query or header parameters from an object schema, one per property. */
export function propertyParameters(
  components: SchemaComponents,
  route: AnyRoute,
  schema: ObjectSchema | undefined,
  location: 'query' | 'header',
): JsonObject[] {
  if (!schema) return [];
  const json = components.resolve(components.convert(schema, 'input', labelOf(route, location)));
  const properties = (json.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...propertySchema } = property;
    return {
      name,
      in: location,
      required: required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: propertySchema,
      ...(location === 'query' && propertySchema.type === 'array'
        ? { style: 'form', explode: true }
        : {}),
    };
  });
}

/** Path parameters of one path variant: from `request.params` if declared, else the template. */
export function pathParameters(
  components: SchemaComponents,
  route: AnyRoute,
  variant: OpenApiPathVariant,
): JsonObject[] {
  const declared = route.request?.params;
  const json = declared
    ? components.resolve(components.convert(declared, 'input', labelOf(route, 'params')))
    : undefined;
  const properties = (json?.properties ?? {}) as Record<string, JsonObject>;
  return variant.parameters.map((parameter) => {
    const { description, ...schema } = properties[parameter.name] ?? constraintSchema(parameter);
    const notes = [
      typeof description === 'string' ? description : undefined,
      parameter.catchAll ? 'Catch-all: the rest of the path, "/" included.' : undefined,
    ].filter(Boolean);
    return {
      name: parameter.name,
      in: 'path',
      required: true,
      ...(notes.length > 0 ? { description: notes.join(' ') } : {}),
      schema,
    };
  });
}
