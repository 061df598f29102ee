import type { PolicyNode } from '../policies/policy-node.js';
import type { ComposedPolicy } from './compile-policy-document.js';

export interface StreamingConflict {
  /** The forward-request with buffer-response="false". */
  forward: PolicyNode;
  /** The outbound policy that reads the whole response body first. */
  reader: PolicyNode;
}

/**
 * Outbound policies that read the whole response body (cache-store) make the gateway buffer a
 * response forward-request meant to stream, as APIM does (its SSE guidance: such policies buffer
 * the response and should not be used with streams; turn response caching off).
 */
export function streamingConflicts(policy: ComposedPolicy): StreamingConflict[] {
  const forwards = flatten(policy.backend).filter((node) => node.streamsResponse === true);
  const readers = flatten(policy.outbound).filter((node) => node.readsResponseBody === true);
  return forwards.flatMap((forward) => readers.map((reader) => ({ forward, reader })));
}

function flatten(nodes: readonly PolicyNode[]): PolicyNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children ?? [])]);
}
