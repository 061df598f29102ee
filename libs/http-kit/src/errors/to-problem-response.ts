import type { HttpResponseInit } from '@azure/functions';
import { getLogger } from '@cookbook/logging';

import type { RequestContext } from '../context/request-context.js';
import { HttpProblem } from './http-problem.js';
import { problemCatalog, problemTypeUri } from './problem-catalog.js';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails } from './problem-details.js';

export const UNEXPECTED_DETAIL =
  'The server could not complete the request. Quote the correlation id when you report it.';

function body(problem: HttpProblem, context: RequestContext): ProblemDetails {
  const entry = problemCatalog[problem.key];
  return {
    type: problemTypeUri(problem.key),
    title: entry.title,
    status: entry.status,
    ...(problem.detail === undefined ? {} : { detail: problem.detail }),
    instance: context.path,
    correlationId: context.correlationId,
    ...(problem.errors === undefined ? {} : { errors: problem.errors }),
  };
}

function logUnexpected(error: unknown): void {
  try {
    getLogger().error({ err: error }, 'unhandled error while handling the request');
  } catch {
    // Logging must never turn a 500 into a crash.
  }
}

/**
 * The single exit for errors: an {@link HttpProblem} becomes its catalog problem, anything else a
 * 500 problem with a fixed detail (the error itself is logged, never sent).
 */
export function toProblemResponse(error: unknown, context: RequestContext): HttpResponseInit {
  let problem: HttpProblem;
  if (error instanceof HttpProblem) {
    problem = error;
    if (problem.status >= 500) logUnexpected(problem.cause ?? problem);
  } else {
    logUnexpected(error);
    problem = new HttpProblem('internalError', UNEXPECTED_DETAIL);
  }
  return {
    status: problem.status,
    headers: {
      ...problem.headers,
      'content-type': PROBLEM_CONTENT_TYPE,
      'cache-control': 'no-store',
    },
    body: JSON.stringify(body(problem, context)),
  };
}
