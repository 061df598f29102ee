import { GatewayLoadError } from '../xml/load-error.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface ApiOperation {
  id: string;
  method: string;
  urlTemplate: string;
  /** The OpenAPI operation object, used by mock-response for examples. */
  definition: Record<string, unknown>;
  match(path: string): Map<string, string> | undefined;
  /** Literal characters in the template: more specific templates win, as in APIM. */
  specificity: number;
}

export interface OperationMatch {
  operation: ApiOperation;
  parameters: Map<string, string>;
}

/** Reads the operations APIM would create when importing this OpenAPI document. */
export function readApiOperations(document: unknown, file: string): ApiOperation[] {
  if (!isRecord(document) || !isRecord(document['paths'])) {
    throw new GatewayLoadError(file, undefined, 'OpenAPI document has no "paths" object');
  }
  const operations: ApiOperation[] = [];
  const ids = new Set<string>();
  for (const [template, pathItem] of Object.entries(document['paths'])) {
    if (!isRecord(pathItem)) continue;
    for (const method of METHODS) {
      const definition = pathItem[method];
      if (!isRecord(definition)) continue;
      const declaredId = definition['operationId'];
      const id =
        typeof declaredId === 'string' && declaredId ? declaredId : generatedId(method, template);
      if (ids.has(id))
        throw new GatewayLoadError(
          file,
          `paths.${template}.${method}`,
          `duplicate operationId "${id}"`,
        );
      ids.add(id);
      operations.push(createOperation(id, method.toUpperCase(), template, definition, file));
    }
  }
  return operations;
}

export function matchOperation(
  operations: ApiOperation[],
  method: string,
  path: string,
): OperationMatch | undefined {
  let best: OperationMatch | undefined;
  for (const operation of operations) {
    if (operation.method !== method) continue;
    const parameters = operation.match(path);
    if (parameters && (!best || operation.specificity > best.operation.specificity)) {
      best = { operation, parameters };
    }
  }
  return best;
}

function createOperation(
  id: string,
  method: string,
  urlTemplate: string,
  definition: Record<string, unknown>,
  file: string,
): ApiOperation {
  const names: string[] = [];
  let pattern = '';
  let specificity = 0;
  for (const part of urlTemplate.split(/(\{[^{}]*\})/)) {
    if (part.startsWith('{') && part.endsWith('}')) {
      const name = part.slice(1, -1);
      if (!/^[A-Za-z0-9_.-]+$/.test(name)) {
        throw new GatewayLoadError(
          file,
          `paths.${urlTemplate}`,
          `unsupported template parameter "${part}"`,
        );
      }
      names.push(name);
      pattern += '([^/]+)';
    } else {
      pattern += part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      specificity += part.length;
    }
  }
  const regex = new RegExp(`^${pattern}/?$`);
  return {
    id,
    method,
    urlTemplate,
    definition,
    specificity,
    match(path) {
      const found = regex.exec(path);
      if (!found) return undefined;
      const parameters = new Map<string, string>();
      names.forEach((name, i) => parameters.set(name, safeDecode(found[i + 1] ?? '')));
      return parameters;
    },
  };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function generatedId(method: string, template: string): string {
  return `${method}-${template.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
