import type { RequestContext } from '../pipeline/request-context.js';
import type { Section } from '../pipeline/section.js';

export type PolicyScopeName = 'global' | 'api' | 'operation';

export interface PolicyBehavior {
  execute(ctx: RequestContext): Promise<void> | void;
  /** cache-store: a cache hit resumes right after it. */
  readonly resumesCacheHit?: boolean;
  /** forward-request buffer-request-body="false": the client's body streams to the backend. */
  readonly streamsRequestBody?: boolean;
  /** forward-request buffer-response="false": the response body streams to the client. */
  readonly streamsResponse?: boolean;
  /** cache-store: reads the whole response body (a streaming one is buffered for it). */
  readonly readsResponseBody?: boolean;
  /** Nested nodes (choose) so the runner can find cache-store inside them. */
  readonly children?: readonly PolicyNode[];
  /** cors: answers a preflight directly; returns false when the request is not one it handles. */
  preflight?(ctx: RequestContext): boolean;
}

export interface PolicyNode extends PolicyBehavior {
  readonly name: string;
  readonly path: string;
  readonly policyId: string;
  readonly scope: PolicyScopeName;
  readonly section: Section;
  readonly file: string;
  readonly line: number;
}
