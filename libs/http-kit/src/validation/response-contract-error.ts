import type { ProblemFieldError } from '../errors/problem-details.js';

/** A handler returned something its route does not declare: a server bug, answered with 500. */
export class ResponseContractError extends Error {
  readonly status: number;
  readonly errors: readonly ProblemFieldError[];

  constructor(message: string, status: number, errors: readonly ProblemFieldError[] = []) {
    super(message);
    this.name = 'ResponseContractError';
    this.status = status;
    this.errors = errors;
  }
}
