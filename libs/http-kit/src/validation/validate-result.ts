import type { ResponseSpec } from '../route/route-types.js';
import { issuesToErrors } from './issues-to-errors.js';
import { ResponseContractError } from './response-contract-error.js';
import { safeParse } from './safe-parse.js';

/** A handler result after checking it against the declared response. */
export interface CheckedResult {
  readonly status: number;
  readonly spec: ResponseSpec;
  readonly body: unknown;
  readonly headers: Record<string, string>;
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

function checkHeader(status: number, name: string, value: unknown, into: Record<string, string>) {
  if (value === undefined) return;
  const key = name.toLowerCase();
  if (!HEADER_NAME.test(key) || typeof value !== 'string' || !HEADER_VALUE.test(value)) {
    throw new ResponseContractError(`response header "${key}" is not a valid header`, status);
  }
  into[key] = value;
}

/** The handler's headers, checked and lowercased into a new object the later steps may extend. */
function checkHeaders(status: number, spec: ResponseSpec, raw: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (raw !== undefined && raw !== null) {
    for (const name in raw as object) {
      if (Object.hasOwn(raw as object, name)) {
        checkHeader(status, name, (raw as Record<string, unknown>)[name], result);
      }
    }
  }
  if (!spec.headers) return result;
  const parsed = safeParse(spec.headers, raw ?? {});
  if (!parsed.success) {
    throw new ResponseContractError(
      'response headers do not match the declared schema',
      status,
      issuesToErrors('headers', parsed.error.issues),
    );
  }
  // The schema's output (defaults, transforms) wins over what the handler wrote.
  const data = parsed.data as Record<string, unknown>;
  for (const name in data) checkHeader(status, name, data[name], result);
  return result;
}

/** Checks status, body and headers against the route's declared responses; throws on mismatch. */
export function validateResult(
  responses: Readonly<Record<number, ResponseSpec>>,
  result: unknown,
): CheckedResult {
  if (typeof result !== 'object' || result === null) {
    throw new ResponseContractError('the handler did not return { status, body }', 0);
  }
  const { status, body, headers } = result as {
    status?: unknown;
    body?: unknown;
    headers?: unknown;
  };
  const spec = typeof status === 'number' ? responses[status] : undefined;
  if (typeof status !== 'number' || !spec) {
    throw new ResponseContractError(`status ${String(status)} is not a declared response`, 0);
  }
  if (!spec.schema) {
    if (body !== undefined) {
      throw new ResponseContractError(
        'the response declares no body schema but a body was returned',
        status,
      );
    }
    return { status, spec, body: undefined, headers: checkHeaders(status, spec, headers) };
  }
  const parsed = safeParse(spec.schema, body);
  if (!parsed.success) {
    throw new ResponseContractError(
      'response body does not match the declared schema',
      status,
      issuesToErrors('body', parsed.error.issues),
    );
  }
  return { status, spec, body: parsed.data, headers: checkHeaders(status, spec, headers) };
}
