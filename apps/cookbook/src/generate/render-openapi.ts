// Renders the operations of an OpenAPI 3.x document as markdown: the recipe page's API reference.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Thrown when a recipe's openapi.json is not an OpenAPI 3 document this page can render. */
export class OpenApiDocumentError extends Error {
  override name = 'OpenApiDocumentError';
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const PROBLEM_TYPE = 'application/problem+json';

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: Json | undefined): string | undefined =>
  typeof value === 'string' ? value : undefined;
const list = (value: Json | undefined): Json[] => (Array.isArray(value) ? value : []);
const entries = (value: Json | undefined): [string, Json][] =>
  isObject(value) ? Object.entries(value) : [];

/** Markdown code span that survives backticks and table pipes. */
export function code(value: string): string {
  const ticks = value.includes('`') ? '``' : '`';
  const pad = ticks.length > 1 ? ' ' : '';
  return `${ticks}${pad}${value.replaceAll('|', '\\|')}${pad}${ticks}`;
}

/** Table cell text: one line, pipes escaped (those code() escaped already stay as they are). */
const cell = (value: string | undefined): string =>
  (value ?? '').replace(/\s*\n\s*/g, ' ').replace(/(?<!\\)\|/g, '\\|') || '–';

export interface RenderOptions {
  /** Where the document came from, e.g. `apps/x/dist/openapi.json` (for error messages). */
  file: string;
  /** Heading level of the section (operations are one level deeper). */
  level?: number;
}

/** One markdown section listing every operation: method, path, parameters, responses, problem types. */
export function renderOpenApi(document: unknown, options: RenderOptions): string {
  const doc = checkDocument(document, options.file);
  const level = options.level ?? 2;
  const h = (depth: number): string => '#'.repeat(Math.min(6, level + depth));
  const info = isObject(doc['info']) ? doc['info'] : {};
  const serverPath = relativeServerPath(doc);
  const out: string[] = [
    `${h(0)} API operations`,
    '',
    `Rendered from the OpenAPI ${text(doc['openapi'])} document the recipe's build writes` +
      ` (${code(options.file)}): **${text(info['title']) ?? 'API'}** ${text(info['version']) ?? ''}.`.trimEnd(),
  ];
  const description = text(info['description']);
  if (description) out.push('', description);
  for (const [path, item] of entries(doc['paths'])) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      out.push('', ...renderOperation(doc, method, serverPath + path, item, operation, h(1)));
    }
  }
  return out.join('\n');
}

function checkDocument(document: unknown, file: string): JsonObject {
  if (!isObject(document)) throw new OpenApiDocumentError(`${file}: not a JSON object`);
  const version = text(document['openapi']);
  if (!version?.startsWith('3.')) {
    throw new OpenApiDocumentError(
      `${file}: "openapi" must be a 3.x version, got ${JSON.stringify(document['openapi'])}`,
    );
  }
  if (!isObject(document['paths']))
    throw new OpenApiDocumentError(`${file}: "paths" must be an object`);
  return document;
}

/** `/api` for a relative first server URL: paths are shown as a client calls them. */
function relativeServerPath(doc: JsonObject): string {
  const first = list(doc['servers'])[0];
  const url = isObject(first) ? text(first['url']) : undefined;
  return url?.startsWith('/') ? url.replace(/\/+$/, '') : '';
}

function renderOperation(
  doc: JsonObject,
  method: string,
  path: string,
  item: JsonObject,
  operation: JsonObject,
  heading: string,
): string[] {
  const id = text(operation['operationId']);
  const title = text(operation['summary']) ?? id ?? `${method.toUpperCase()} ${code(path)}`;
  const out = [
    `${heading} ${title}`,
    '',
    `<span class="http-method http-${method}">${method.toUpperCase()}</span> ${code(path)}` +
      (id ? ` · operation ${code(id)}` : '') +
      (operation['deprecated'] === true ? ' · **deprecated**' : ''),
  ];
  const description = text(operation['description']);
  if (description) out.push('', description);
  const security = renderSecurity(doc, operation);
  if (security) out.push('', `**Authentication:** ${security}`);
  const parameters = [...list(item['parameters']), ...list(operation['parameters'])]
    .map((parameter) => resolve(doc, parameter))
    .filter(isObject);
  if (parameters.length > 0) {
    out.push(
      '',
      '**Parameters**',
      '',
      '| Name | In | Required | Schema | Description |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const parameter of parameters) {
      out.push(
        `| ${code(text(parameter['name']) ?? '?')} | ${cell(text(parameter['in']))} | ${parameter['required'] === true ? 'yes' : 'no'} | ${cell(describeSchema(doc, parameter['schema']))} | ${cell(text(parameter['description']))} |`,
      );
    }
  }
  const body = resolve(doc, operation['requestBody']);
  if (isObject(body)) {
    out.push('', `**Request body**${body['required'] === true ? ' (required)' : ''}`, '');
    for (const [type, media] of entries(body['content'])) {
      out.push(
        `- ${code(type)}: ${describeSchema(doc, isObject(media) ? media['schema'] : undefined)}`,
      );
    }
  }
  const responses = entries(operation['responses']).map(
    ([status, response]) => [status, resolve(doc, response)] as const,
  );
  if (responses.length > 0) {
    out.push(
      '',
      '**Responses**',
      '',
      '| Status | Description | Content | Headers |',
      '| --- | --- | --- | --- |',
    );
    for (const [status, response] of responses) {
      if (!isObject(response)) continue;
      const content = entries(response['content'])
        .map(
          ([type, media]) =>
            `${code(type)}: ${describeSchema(doc, isObject(media) ? media['schema'] : undefined)}`,
        )
        .join('; ');
      const headers = entries(response['headers'])
        .map(([name]) => code(name))
        .join(', ');
      out.push(
        `| ${code(status)} | ${cell(text(response['description']))} | ${cell(content)} | ${cell(headers)} |`,
      );
    }
  }
  const problems = responses.filter(
    ([, response]) =>
      isObject(response) && isObject(response['content']) && PROBLEM_TYPE in response['content'],
  );
  if (problems.length > 0) {
    out.push(
      '',
      `**Problem types** (RFC 9457, ${code(PROBLEM_TYPE)})`,
      '',
      '| Status | When | Problem `type` | Body fields |',
      '| --- | --- | --- | --- |',
    );
    for (const [status, response] of problems) {
      if (!isObject(response) || !isObject(response['content'])) continue;
      const media = response['content'][PROBLEM_TYPE];
      const schema = isObject(media) ? resolve(doc, media['schema']) : undefined;
      const types = problemTypes(media).map(code).join(', ');
      out.push(
        `| ${code(status)} | ${cell(text(response['description']))} | ${cell(types)} | ${cell(propertyNames(schema))} |`,
      );
    }
  }
  return out;
}

/** Follows a local `$ref` (`#/components/...`); anything else is returned as is. */
function resolve(
  doc: JsonObject,
  value: Json | undefined,
  seen = new Set<string>(),
): Json | undefined {
  if (!isObject(value)) return value;
  const ref = text(value['$ref']);
  if (!ref?.startsWith('#/') || seen.has(ref)) return value;
  seen.add(ref);
  let target: Json | undefined = doc;
  for (const part of ref.slice(2).split('/')) {
    const key = part.replaceAll('~1', '/').replaceAll('~0', '~');
    target = isObject(target) ? target[key] : undefined;
  }
  return target === undefined ? value : resolve(doc, target, seen);
}

const refName = (value: Json | undefined): string | undefined => {
  const ref = isObject(value) ? text(value['$ref']) : undefined;
  return ref?.split('/').pop();
};

/** A one-line summary of a JSON Schema: type, constraints, property names. */
export function describeSchema(doc: JsonObject, raw: Json | undefined): string {
  if (raw === undefined) return 'any';
  const name = refName(raw);
  const schema = resolve(doc, raw);
  if (!isObject(schema)) return name ? code(name) : 'any';
  const parts: string[] = [];
  const type = schema['type'];
  const types = Array.isArray(type)
    ? type.filter((t): t is string => typeof t === 'string')
    : text(type)
      ? [text(type) as string]
      : [];
  if (types.includes('array')) {
    parts.push(`array of ${describeSchema(doc, schema['items'])}`);
  } else if (types.length > 0) {
    parts.push(types.map(code).join(' or '));
  } else
    for (const key of ['oneOf', 'anyOf'] as const) {
      const options = list(schema[key]);
      if (options.length > 0)
        parts.push(options.map((option) => describeSchema(doc, option)).join(' or '));
    }
  if ('const' in schema) parts.push(`= ${code(JSON.stringify(schema['const']))}`);
  const values = list(schema['enum']);
  if (values.length > 0)
    parts.push(`one of ${values.map((value) => code(JSON.stringify(value))).join(', ')}`);
  const format = text(schema['format']);
  if (format) parts.push(`format ${code(format)}`);
  const pattern = text(schema['pattern']);
  if (pattern)
    parts.push(pattern.length > 80 ? 'pattern (see the document)' : `pattern ${code(pattern)}`);
  for (const [key, label] of [
    ['minLength', 'min length'],
    ['maxLength', 'max length'],
    ['minimum', 'min'],
    ['maximum', 'max'],
  ] as const) {
    if (typeof schema[key] === 'number') parts.push(`${label} ${schema[key]}`);
  }
  const properties = propertyNames(schema);
  if (properties) parts.push(`properties ${properties}`);
  const summary = parts.join(', ') || 'any';
  return name ? `${code(name)} (${summary})` : summary;
}

/** `a`, `b?`: property names, optional ones marked. */
function propertyNames(schema: Json | undefined): string {
  if (!isObject(schema) || !isObject(schema['properties'])) return '';
  const required = new Set(
    list(schema['required']).filter((key): key is string => typeof key === 'string'),
  );
  return Object.keys(schema['properties'])
    .map((key) => code(required.has(key) ? key : `${key}?`))
    .join(', ');
}

/** Problem `type` URIs the document gives as examples for a problem response. */
function problemTypes(media: Json | undefined): string[] {
  if (!isObject(media)) return [];
  const examples = [
    media['example'],
    ...entries(media['examples']).map(([, example]) =>
      isObject(example) ? example['value'] : undefined,
    ),
  ];
  return [
    ...new Set(
      examples.flatMap((example) =>
        isObject(example) && text(example['type']) ? [text(example['type']) as string] : [],
      ),
    ),
  ];
}

/** "`x-functions-key` header or `code` query parameter", from the operation's (or document's) security. */
function renderSecurity(doc: JsonObject, operation: JsonObject): string | undefined {
  const requirements = list(operation['security'] ?? doc['security']);
  if (requirements.length === 0) return undefined;
  const components = isObject(doc['components']) ? doc['components'] : {};
  const schemes = isObject(components['securitySchemes']) ? components['securitySchemes'] : {};
  const alternatives = requirements.filter(isObject).map((requirement) => {
    const names = Object.keys(requirement);
    if (names.length === 0) return 'none';
    return names
      .map((name) => {
        const scheme = schemes[name];
        if (!isObject(scheme)) return code(name);
        const where = text(scheme['in']);
        const key = text(scheme['name']);
        if (text(scheme['type']) === 'apiKey' && key && where) {
          return `${code(key)} ${where === 'query' ? 'query parameter' : where}`;
        }
        return `${code(name)} (${text(scheme['type']) ?? 'scheme'}${text(scheme['scheme']) ? ` ${text(scheme['scheme'])}` : ''})`;
      })
      .join(' and ');
  });
  return alternatives.join(' or ');
}
