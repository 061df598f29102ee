import { isRecord } from './api-operations.js';

/**
 * What API Management's OpenAPI import refuses or changes, from Microsoft Learn, "API import
 * restrictions and known issues" (learn.microsoft.com/azure/api-management/api-management-api-import-restrictions).
 * Each rule names the section of that page it follows.
 */
export interface ImportFinding {
  rule: string;
  /** RFC 6901 JSON pointer into the document ('' is the whole document). */
  pointer: string;
  message: string;
}

export interface ImportCheck {
  /** APIM would refuse the document, or import something that behaves differently. */
  errors: ImportFinding[];
  /** APIM imports it, transformed the documented way. */
  warnings: ImportFinding[];
}

const PAGE = 'API import restrictions and known issues';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
// "When imported inline to API Management, an OpenAPI specification can be up to 4 MB in size."
const MAX_INLINE_BYTES = 4 * 1024 * 1024;
// "API URL length must be less than 128 characters."
const MAX_URL_LENGTH = 128;
const SUPPORTED_EXTENSIONS = new Set(['x-ms-paths', 'x-servers']);

type Json = Record<string, unknown>;

/** OpenAPI and JSON Schema fields whose keys are names the author chose. */
const NAME_MAPS = new Set([
  'paths',
  'headers',
  'properties',
  'patternProperties',
  'responses',
  'content',
  'schemas',
  'definitions',
  'parameters',
  'requestBodies',
  'securitySchemes',
  'examples',
  'links',
  'callbacks',
  'variables',
  'encoding',
  'mapping',
  'scopes',
]);

/** Checks an OpenAPI document (already parsed, `bytes` long) the way APIM's import does. */
export function checkApimImport(document: unknown, bytes: number): ImportCheck {
  const check: ImportCheck = { errors: [], warnings: [] };
  // `rule|section`: the rule's id and the section of the Learn page it follows.
  const finding = (ruleAndSection: string, pointer: string, message: string): ImportFinding => {
    const [rule = '', section = ''] = ruleAndSection.split('|');
    return { rule, pointer, message: `${message} [rule ${rule}; Learn "${PAGE}" › ${section}]` };
  };
  const error: Report = (rule, pointer, message) => {
    check.errors.push(finding(rule, pointer, message));
  };
  const warn: Report = (rule, pointer, message) => {
    check.warnings.push(finding(rule, pointer, message));
  };
  if (!isRecord(document)) {
    error('supported-version|Supported versions', '', 'the document is not a JSON object');
    return check;
  }
  // Size limits: "Up to 4 MB when imported inline" (Bicep `value`, Terraform `content_value`).
  if (bytes > MAX_INLINE_BYTES) {
    error(
      'inline-size|Size limits',
      '',
      `the document is ${bytes} bytes; inline import allows 4 MB`,
    );
  }
  // Supported versions: OpenAPI 2, 3.0.x up to 3.0.3, 3.1 (import only).
  const version = document['openapi'] ?? document['swagger'];
  const text = typeof version === 'string' ? version : '';
  if (!/^(2\.0|3\.0\.[0-3]|3\.1\.\d+)$/.test(text)) {
    error(
      'supported-version|Supported versions',
      '/openapi',
      `OpenAPI version "${text}" is not 2.0, 3.0.0-3.0.3 or 3.1.x`,
    );
  } else if (text.startsWith('3.1')) {
    warn(
      'openapi-31-import-only|Supported versions',
      '/openapi',
      'OpenAPI 3.1 is import-compatible only: 3.1 constructs are ignored, downgraded to 3.0 or dropped; import a 3.0.x document',
    );
  }
  // OpenAPI version 3: "If many servers are specified, API Management tries to select the first HTTPS URL."
  const servers = document['servers'];
  if (Array.isArray(servers) && servers.length > 1) {
    warn(
      'many-servers|OpenAPI version 3',
      '/servers',
      `${servers.length} servers: APIM keeps one (the first HTTPS URL, else the first HTTP URL)`,
    );
  }
  walkRefsAndExtensions(document, '', error, warn);
  checkRecursion(document, error);
  const paths = isRecord(document['paths']) ? document['paths'] : {};
  for (const [template, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    const itemPointer = `/paths/${escape(template)}`;
    // URL template requirements: "Maximum URL length: API URL length must be less than 128 characters."
    if (template.length >= MAX_URL_LENGTH) {
      error(
        'url-length|URL template requirements',
        itemPointer,
        `the URL template is ${template.length} characters; APIM allows fewer than ${MAX_URL_LENGTH}`,
      );
    }
    const shared = Array.isArray(item['parameters']) ? item['parameters'] : [];
    for (const method of METHODS) {
      const operation = item[method];
      if (!isRecord(operation)) continue;
      const pointer = `${itemPointer}/${method}`;
      checkOperation(document, template, operation, shared, pointer, error, warn);
    }
  }
  return check;
}

type Report = (rule: string, pointer: string, message: string) => void;

function checkOperation(
  document: Json,
  template: string,
  operation: Json,
  shared: unknown[],
  pointer: string,
  error: Report,
  warn: Report,
): void {
  const own = Array.isArray(operation['parameters']) ? operation['parameters'] : [];
  const parameters: { parameter: Json; pointer: string }[] = [
    ...shared.map((p, i) => ({
      p,
      at: `${pointer.slice(0, pointer.lastIndexOf('/'))}/parameters/${i}`,
    })),
    ...own.map((p, i) => ({ p, at: `${pointer}/parameters/${i}` })),
  ].flatMap(({ p, at }) => {
    const parameter = resolveRef(document, p);
    return isRecord(parameter) ? [{ parameter, pointer: at }] : [];
  });
  const templateNames = new Set(
    [...template.matchAll(/\{([^{}]+)\}/g)].map((match) => (match[1] ?? '').toLowerCase()),
  );
  const seen = new Map<string, string>();
  for (const { parameter, pointer: at } of parameters) {
    const name = typeof parameter['name'] === 'string' ? parameter['name'] : '';
    const where = parameter['in'];
    // URL template requirements: "Defined URL parameter: must be part of the URL template."
    if (where === 'path' && !templateNames.has(name.toLowerCase())) {
      error(
        'url-parameter-in-template|URL template requirements',
        at,
        `path parameter "${name}" is not in the URL template ${template}`,
      );
    }
    const required = where === 'path' || (where === 'query' && parameter['required'] === true);
    if (!required || (where !== 'path' && where !== 'query')) continue;
    // URL template requirements: "Unique names for required path and query parameters ... Names are case-insensitive."
    const key = name.toLowerCase();
    const previous = seen.get(key);
    if (previous !== undefined) {
      error(
        'unique-parameter-names|URL template requirements',
        at,
        `required parameter "${name}" repeats ${previous} (names must be unique across path and query, case-insensitive)`,
      );
    }
    seen.set(key, `${String(where)} parameter "${name}"`);
    // During OpenAPI import: "converts the required query string parameters to required template parameters."
    if (where === 'query') {
      warn(
        'required-query-to-template|API Management during OpenAPI import',
        at,
        `required query parameter "${name}" becomes a template parameter of the operation (translateRequiredQueryParameters: template)`,
      );
    }
  }
  const method = pointer.slice(pointer.lastIndexOf('/') + 1);
  // During OpenAPI import: "For GET, HEAD, and OPTIONS operations, API Management discards a request body."
  if (['get', 'head', 'options'].includes(method) && operation['requestBody'] !== undefined) {
    warn(
      'body-dropped|API Management during OpenAPI import',
      `${pointer}/requestBody`,
      `APIM discards the request body of a ${method.toUpperCase()} operation`,
    );
  }
  // Unsupported extensions: "Server object: not supported at the API operation level."
  if (operation['servers'] !== undefined) {
    error(
      'operation-servers|Unsupported extensions',
      `${pointer}/servers`,
      'a Server object on an operation is not supported (only the document-level servers)',
    );
  }
}

/** `$ref`s into other files, custom `x-` extensions and `examples` anywhere in the document. */
function walkRefsAndExtensions(
  value: unknown,
  pointer: string,
  error: Report,
  warn: Report,
  parentKey = '',
): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => walkRefsAndExtensions(item, `${pointer}/${i}`, error, warn, ''));
    return;
  }
  if (!isRecord(value)) return;
  // In a map (headers, properties, …) keys are names, not extensions or keywords.
  const named = NAME_MAPS.has(parentKey);
  for (const [key, item] of Object.entries(value)) {
    const at = `${pointer}/${escape(key)}`;
    // URL template requirements: "$ref pointers can't reference external files."
    if (key === '$ref' && typeof item === 'string' && !item.startsWith('#')) {
      error(
        'external-ref|URL template requirements',
        at,
        `$ref "${item}" points outside the document`,
      );
    }
    // Supported extensions: x-ms-paths and x-servers; "Custom extensions are ignored on import."
    if (key.startsWith('x-') && !SUPPORTED_EXTENSIONS.has(key) && !named) {
      warn(
        'custom-extension-ignored|Supported extensions',
        at,
        `extension ${key} is ignored on import and not kept for export`,
      );
    }
    // OpenAPI version 3: "Examples isn't supported, but example is."
    if (key === 'examples' && isRecord(item) && !named) {
      warn(
        'examples-ignored|OpenAPI version 3',
        at,
        '`examples` is not imported; only `example` is',
      );
    }
    walkRefsAndExtensions(item, at, error, warn, named ? '' : key);
  }
}

/** Unsupported extensions: "Recursion: API Management doesn't support definitions defined recursively." */
function checkRecursion(document: Json, error: Report): void {
  const components = isRecord(document['components']) ? document['components'] : undefined;
  const definitions = document['definitions'];
  const [schemas, base] = isRecord(components?.['schemas'])
    ? [components['schemas'], '#/components/schemas/']
    : isRecord(definitions)
      ? [definitions, '#/definitions/']
      : [undefined, ''];
  if (!schemas) return;
  const edges = new Map<string, Set<string>>();
  for (const [name, schema] of Object.entries(schemas)) {
    const targets = new Set<string>();
    collectRefs(schema, base, targets);
    edges.set(name, targets);
  }
  for (const name of edges.keys()) {
    const stack = [...(edges.get(name) ?? [])];
    const visited = new Set<string>();
    while (stack.length > 0) {
      const next = stack.pop() ?? '';
      if (next === name) {
        error(
          'recursion|Unsupported extensions',
          `${base.slice(1)}${escape(name)}`,
          `schema "${name}" refers to itself (recursive definitions are not supported)`,
        );
        break;
      }
      if (visited.has(next)) continue;
      visited.add(next);
      stack.push(...(edges.get(next) ?? []));
    }
  }
}

function collectRefs(value: unknown, base: string, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, base, into);
    return;
  }
  if (!isRecord(value)) return;
  for (const [key, item] of Object.entries(value)) {
    if (key === '$ref' && typeof item === 'string' && item.startsWith(base)) {
      into.add(unescape(item.slice(base.length)));
    } else collectRefs(item, base, into);
  }
}

function resolveRef(document: Json, value: unknown): unknown {
  if (!isRecord(value) || typeof value['$ref'] !== 'string' || !value['$ref'].startsWith('#/')) {
    return value;
  }
  let current: unknown = document;
  for (const part of value['$ref'].slice(2).split('/')) {
    current = isRecord(current) ? current[unescape(part)] : undefined;
  }
  return current;
}

function escape(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescape(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}
