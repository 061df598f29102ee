import { problemCatalog, type ProblemKey } from './problem-catalog.js';
import type { ProblemFieldError } from './problem-details.js';

/** Options for a thrown problem. */
export interface HttpProblemOptions {
  readonly errors?: readonly ProblemFieldError[];
  /** Extra response headers, e.g. `retry-after`. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly cause?: unknown;
}

/** Throw from a handler to answer with a catalog problem; `detail` is sent to the client. */
export class HttpProblem extends Error {
  readonly key: ProblemKey;
  readonly status: number;
  readonly detail: string | undefined;
  readonly errors: readonly ProblemFieldError[] | undefined;
  readonly headers: Readonly<Record<string, string>> | undefined;

  constructor(key: ProblemKey, detail?: string, options: HttpProblemOptions = {}) {
    super(detail ?? problemCatalog[key].title, { cause: options.cause });
    this.name = 'HttpProblem';
    this.key = key;
    this.status = problemCatalog[key].status;
    this.detail = detail;
    this.errors = options.errors;
    this.headers = options.headers;
  }
}

/**
 * Creates an {@link HttpProblem} to throw.
 * @example throw httpError('notFound', `Item ${params.id} does not exist.`);
 */
export function httpError(
  key: ProblemKey,
  detail?: string,
  options?: HttpProblemOptions,
): HttpProblem {
  return new HttpProblem(key, detail, options);
}
