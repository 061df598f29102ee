import { ExpressionRuntimeError } from '../expressions/expression-error.js';
import type { LastErrorView } from '../expressions/runtime-types.js';
import type { PolicyNode } from '../policies/policy-node.js';
import { type GatewayResponse, internalServerError } from './gateway-response.js';
import type { RequestContext } from './request-context.js';
import { CacheHitSignal, PolicyFailure, ReturnResponseSignal } from './signals.js';

/** A failure with its place in the policy attached (becomes `context.LastError`). */
export class NodeFailure extends Error {
  override readonly name = 'NodeFailure';
  readonly lastError: LastErrorView;
  readonly response: GatewayResponse | undefined;

  constructor(lastError: LastErrorView, response: GatewayResponse | undefined, cause?: unknown) {
    super(lastError.message, { cause });
    this.lastError = lastError;
    this.response = response;
  }
}

/**
 * Runs policies in order; nested lists (choose branches, return-response) use it too. Synchronous
 * until a policy returns a promise: a list of synchronous policies (most of them) returns
 * undefined and costs no promise or microtask. Failures are annotated either way.
 */
export function runNodes(
  nodes: readonly PolicyNode[],
  ctx: RequestContext,
): Promise<void> | undefined {
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index] as PolicyNode;
    let pending: Promise<void> | void;
    try {
      pending = node.execute(ctx);
    } catch (error) {
      throw annotate(error, node, ctx);
    }
    if (pending !== undefined) return finishNodes(pending, nodes, index, ctx);
  }
  return undefined;
}

async function finishNodes(
  pending: Promise<void>,
  nodes: readonly PolicyNode[],
  index: number,
  ctx: RequestContext,
): Promise<void> {
  try {
    await pending;
  } catch (error) {
    throw annotate(error, nodes[index] as PolicyNode, ctx);
  }
  for (let next = index + 1; next < nodes.length; next++) {
    const node = nodes[next] as PolicyNode;
    try {
      const more = node.execute(ctx);
      if (more !== undefined) await more;
    } catch (error) {
      throw annotate(error, node, ctx);
    }
  }
}

function annotate(error: unknown, node: PolicyNode, ctx: RequestContext): unknown {
  if (error instanceof ReturnResponseSignal || error instanceof CacheHitSignal) {
    // the innermost node that stopped the pipeline is the one the access log names
    ctx.endedBy ??= error instanceof CacheHitSignal ? `${node.name} (HIT)` : node.name;
    return error;
  }
  if (error instanceof NodeFailure) return error;
  const where = {
    scope: node.scope,
    section: node.section,
    path: node.path.split('/').slice(1).join('/'),
    policyId: node.policyId,
  };
  if (error instanceof PolicyFailure) {
    return new NodeFailure({ ...error.details, ...where }, error.response, error);
  }
  const expressionFailure = error instanceof ExpressionRuntimeError;
  return new NodeFailure(
    {
      source: node.name,
      reason: expressionFailure ? 'ExpressionValueEvaluationFailure' : 'PolicyExecutionFailure',
      message: expressionFailure
        ? `Expression evaluation failed. ${(error as Error).message}`
        : `Policy ${node.name} failed: ${error instanceof Error ? error.message : String(error)}`,
      ...where,
    },
    internalServerError(ctx.requestId),
    error,
  );
}
