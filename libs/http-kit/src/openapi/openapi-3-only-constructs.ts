import type { JsonValue } from './openapi-types.js';

/** Keys a Schema Object may not use in OpenAPI 3.0 (JSON Schema 2020-12 only). */
const SCHEMA_KEYS_31 = new Set([
  'const',
  '$schema',
  '$id',
  '$defs',
  '$anchor',
  '$dynamicRef',
  '$dynamicAnchor',
  'prefixItems',
  'if',
  'then',
  'else',
  'dependentSchemas',
  'dependentRequired',
  'unevaluatedItems',
  'unevaluatedProperties',
  'contentMediaType',
  'contentEncoding',
  'examples',
  'propertyNames',
  'contains',
]);

/**
 * JSON pointers of OpenAPI 3.1-only constructs in a document: type arrays, 2020-12 keywords,
 * numeric exclusive bounds, `webhooks`, `jsonSchemaDialect`, `info.summary`, `components.pathItems`.
 * A document APIM imports must give an empty list.
 */
export function findOpenApi31Constructs(document: JsonValue): string[] {
  const found: string[] = [];
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return found;
  for (const key of ['webhooks', 'jsonSchemaDialect']) if (key in document) found.push(`/${key}`);
  const info = document.info;
  if (
    isObject(info) &&
    ('summary' in info || 'identifier' in (isObject(info.license) ? info.license : {}))
  ) {
    found.push('/info/summary');
  }
  const components = document.components;
  if (isObject(components) && 'pathItems' in components) found.push('/components/pathItems');
  walk(document, '', found);
  return found;
}

function walk(value: JsonValue, pointer: string, found: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, `${pointer}/${i}`, found));
    return;
  }
  if (!isObject(value)) return;
  // Only schema-like objects: "type" or a schema keyword sits beside the key.
  const schemaLike = 'type' in value || 'properties' in value || 'items' in value;
  for (const [key, item] of Object.entries(value)) {
    const here = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (key === 'type' && Array.isArray(item)) found.push(here);
    if ((key === 'exclusiveMinimum' || key === 'exclusiveMaximum') && typeof item === 'number') {
      found.push(here);
    }
    if (schemaLike && SCHEMA_KEYS_31.has(key)) found.push(here);
    if (key === '$ref' && typeof item === 'string' && Object.keys(value).length > 1) {
      found.push(`${here} (siblings of $ref are ignored in 3.0)`);
    }
    walk(item, here, found);
  }
}

function isObject(value: unknown): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
