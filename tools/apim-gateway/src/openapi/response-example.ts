import { isRecord } from './api-operations.js';

/** The body mock-response returns: the OpenAPI example, else one generated from the schema. */
export function responseExample(
  definition: Record<string, unknown> | undefined,
  status: number,
  contentType: string,
): string | undefined {
  const responses = definition?.['responses'];
  if (!isRecord(responses)) return undefined;
  const response =
    responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses['default'];
  if (!isRecord(response) || !isRecord(response['content'])) return undefined;
  const media = response['content'][contentType];
  if (!isRecord(media)) return undefined;
  if (media['example'] !== undefined) return serialize(media['example']);
  if (isRecord(media['examples'])) {
    const first = Object.values(media['examples'])[0];
    if (isRecord(first) && first['value'] !== undefined) return serialize(first['value']);
  }
  if (isRecord(media['schema'])) return serialize(sampleFromSchema(media['schema'], 0));
  return undefined;
}

function serialize(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function sampleFromSchema(schema: Record<string, unknown>, depth: number): unknown {
  if (schema['example'] !== undefined) return schema['example'];
  if (Array.isArray(schema['examples']) && schema['examples'].length > 0)
    return schema['examples'][0];
  if (schema['default'] !== undefined) return schema['default'];
  if (schema['const'] !== undefined) return schema['const'];
  if (Array.isArray(schema['enum']) && schema['enum'].length > 0) return schema['enum'][0];
  if (depth > 8) return null;
  for (const key of ['oneOf', 'anyOf', 'allOf']) {
    const options = schema[key];
    if (Array.isArray(options) && isRecord(options[0])) {
      if (key !== 'allOf') return sampleFromSchema(options[0], depth + 1);
      return Object.assign(
        {},
        ...options.filter(isRecord).map((o) => sampleFromSchema(o, depth + 1)),
      );
    }
  }
  const type = Array.isArray(schema['type'])
    ? schema['type'].find((t) => t !== 'null')
    : schema['type'];
  switch (type) {
    case 'object': {
      const properties = isRecord(schema['properties']) ? schema['properties'] : {};
      return Object.fromEntries(
        Object.entries(properties).map(([name, sub]) => [
          name,
          isRecord(sub) ? sampleFromSchema(sub, depth + 1) : null,
        ]),
      );
    }
    case 'array':
      return isRecord(schema['items']) ? [sampleFromSchema(schema['items'], depth + 1)] : [];
    case 'string':
      return schema['format'] === 'date-time' ? '2024-01-01T00:00:00Z' : 'string';
    case 'integer':
    case 'number':
      return typeof schema['minimum'] === 'number' ? schema['minimum'] : 0;
    case 'boolean':
      return true;
    default:
      return isRecord(schema['properties'])
        ? sampleFromSchema({ ...schema, type: 'object' }, depth)
        : null;
  }
}
