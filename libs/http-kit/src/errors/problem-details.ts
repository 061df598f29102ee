import * as z from 'zod';

/** One field-level validation error. */
export interface ProblemFieldError {
  /** JSON Pointer into the request, e.g. `/params/item_id` or `/body/items/0/sku`. */
  readonly pointer: string;
  readonly message: string;
}

/** RFC 9457 problem details as this kit sends them (`application/problem+json`). */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly correlationId: string;
  readonly errors?: readonly ProblemFieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** The problem body schema; also the `Problem` component of the OpenAPI document. */
export const ProblemDetailsSchema: z.ZodType<ProblemDetails> = z
  .object({
    type: z.string().describe('URI identifying the problem type.'),
    title: z.string().describe('Short summary of the problem type.'),
    status: z.int().min(100).max(599).describe('HTTP status code.'),
    detail: z.string().optional().describe('Explanation specific to this occurrence.'),
    instance: z.string().optional().describe('Request path of this occurrence.'),
    correlationId: z.string().describe('Same value as the x-correlation-id response header.'),
    errors: z
      .array(
        z.object({
          pointer: z.string().describe('JSON Pointer into the request, e.g. /params/item_id.'),
          message: z.string(),
        }),
      )
      .optional()
      .describe('Validation errors, one per invalid value.'),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details.' });
