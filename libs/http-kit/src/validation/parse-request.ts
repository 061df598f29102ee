import type { HttpRequest } from '@azure/functions';
import type * as z from 'zod';

import { httpError } from '../errors/http-problem.js';
import type { ProblemFieldError } from '../errors/problem-details.js';
import type { CompiledRoute } from '../route/compile-route.js';
import { issuesToErrors } from './issues-to-errors.js';
import { parseJsonBytes, readJsonBody } from './read-body.js';
import { readQuery } from './read-query.js';
import { safeParse } from './safe-parse.js';

/** Validated request parts as the handler receives them. */
export interface ParsedRequest {
  readonly params: unknown;
  readonly query: unknown;
  readonly headers: unknown;
  readonly body: unknown;
}

function readParams(request: HttpRequest, names: readonly string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const name of names) {
    const value = request.params[name];
    // The host omits optional parameters that were not supplied.
    if (value !== undefined) params[name] = value;
  }
  return params;
}

function readHeaders(headers: Headers, keys: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of keys) {
    const value = headers.get(key);
    if (value !== null) values[key] = value;
  }
  return values;
}

function validate(
  part: string,
  schema: z.ZodType | undefined,
  value: unknown,
  errors: ProblemFieldError[],
): unknown {
  if (!schema) return value;
  const result = safeParse(schema, value);
  if (result.success) return result.data;
  errors.push(...issuesToErrors(part, result.error.issues));
  return undefined;
}

function finish(
  errors: ProblemFieldError[],
  params: unknown,
  query: unknown,
  headers: unknown,
  body: unknown,
): ParsedRequest {
  if (errors.length > 0) {
    const count = errors.length === 1 ? '1 invalid value' : `${errors.length} invalid values`;
    throw httpError('validationFailed', `The request has ${count}; see errors.`, { errors });
  }
  return { params, query, headers, body };
}

const NO_VALUES: Readonly<Record<string, never>> = Object.freeze({});

/**
 * Reads and validates every declared request part; all violations come back in one 422.
 * Synchronous unless the route declares a body, which has to be read first. `rawBody`: the bytes
 * the pipeline already read (routes with `rawBody`), parsed instead of reading the request again.
 */
export function parseRequest(
  compiled: CompiledRoute,
  request: HttpRequest,
  requestHeaders: Headers = request.headers,
  rawBody?: Uint8Array,
): ParsedRequest | Promise<ParsedRequest> {
  const schemas = compiled.route.request ?? NO_VALUES;
  const errors: ProblemFieldError[] = [];
  const params = validate(
    'params',
    schemas.params,
    readParams(request, compiled.parameterNames),
    errors,
  );
  const query = schemas.query
    ? validate('query', schemas.query, readQuery(request.query, compiled.arrayQueryKeys), errors)
    : {};
  const headers = schemas.headers
    ? validate('headers', schemas.headers, readHeaders(requestHeaders, compiled.headerKeys), errors)
    : {};
  const bodySchema = schemas.body;
  if (!bodySchema) return finish(errors, params, query, headers, undefined);
  if (rawBody) {
    const raw = parseJsonBytes(rawBody, requestHeaders.get('content-type'));
    return finish(errors, params, query, headers, validate('body', bodySchema, raw, errors));
  }
  return readJsonBody(request, compiled.bodyLimitBytes).then((raw) =>
    finish(errors, params, query, headers, validate('body', bodySchema, raw, errors)),
  );
}
