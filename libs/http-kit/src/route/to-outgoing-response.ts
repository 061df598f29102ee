import type { OutgoingResponse } from '../caching/apply-caching.js';
import { HttpProblem } from '../errors/http-problem.js';
import { problemKeyForStatus } from '../errors/problem-catalog.js';
import { ResponseContractError } from '../validation/response-contract-error.js';
import type { CheckedResult } from '../validation/validate-result.js';

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/;
const NO_BODY_STATUSES = new Set([204, 205, 304]);

function serialize(result: CheckedResult, contentType: string): string | Uint8Array | undefined {
  if (result.body === undefined) return undefined;
  if (JSON_MEDIA_TYPE.test(contentType)) {
    try {
      return JSON.stringify(result.body);
    } catch (error) {
      throw new ResponseContractError(
        `the body cannot be serialized: ${String(error)}`,
        result.status,
      );
    }
  }
  if (typeof result.body === 'string' || result.body instanceof Uint8Array) return result.body;
  throw new ResponseContractError(`a ${contentType} body must be a string or bytes`, result.status);
}

/** Serializes a checked result; an undeclared-body error status becomes its catalog problem. */
export function toOutgoingResponse(result: CheckedResult): OutgoingResponse {
  if (result.status >= 400 && !result.spec.schema) {
    throw new HttpProblem(problemKeyForStatus(result.status), undefined, {
      headers: result.headers,
    });
  }
  const contentType = result.spec.contentType ?? 'application/json';
  const body = NO_BODY_STATUSES.has(result.status) ? undefined : serialize(result, contentType);
  // validateResult built this object for this response alone
  const headers = result.headers;
  if (body !== undefined && headers['content-type'] === undefined) {
    headers['content-type'] = contentType;
  }
  return { status: result.status, headers, body };
}
