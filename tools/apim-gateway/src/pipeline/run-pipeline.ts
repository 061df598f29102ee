import type { GatewayLog } from '../policies/gateway-services.js';
import type { PolicyNode } from '../policies/policy-node.js';
import type { ComposedPolicy } from './compile-policy-document.js';
import { emptyResponse, type GatewayResponse, internalServerError } from './gateway-response.js';
import type { RequestContext } from './request-context.js';
import { NodeFailure, runNodes } from './run-nodes.js';
import { CacheHitSignal, type PolicyFailure, ReturnResponseSignal } from './signals.js';

/** inbound → backend → outbound; any failure jumps to on-error with LastError set. */
export async function runPipeline(
  ctx: RequestContext,
  policy: ComposedPolicy,
  log: GatewayLog,
  builtInFailure?: PolicyFailure,
): Promise<GatewayResponse> {
  try {
    if (builtInFailure) {
      throw new NodeFailure(
        { ...builtInFailure.details, scope: 'api', section: 'inbound', path: '', policyId: '' },
        builtInFailure.response,
      );
    }
    let hit = false;
    try {
      ctx.section = 'inbound';
      const inbound = runNodes(policy.inbound, ctx);
      // awaiting only a real promise: `await undefined` still costs a microtask
      if (inbound) await inbound;
    } catch (error) {
      if (!(error instanceof CacheHitSignal)) throw error;
      hit = true;
    }
    if (!hit) {
      ctx.section = 'backend';
      const backend = runNodes(policy.backend, ctx);
      if (backend) await backend;
    }
    ctx.response ??= emptyResponse();
    ctx.section = 'outbound';
    const outbound = runNodes(hit ? afterCacheStore(policy.outbound) : policy.outbound, ctx);
    if (outbound) await outbound;
  } catch (error) {
    if (!(error instanceof ReturnResponseSignal)) await handleError(error, ctx, policy, log);
  }
  ctx.response ??= emptyResponse();
  for (const hook of ctx.afterResponse) {
    try {
      hook();
    } catch (error) {
      log.warn('post-response policy step failed', {
        requestId: ctx.requestId,
        error: String(error),
      });
    }
  }
  for (const hook of ctx.responseHeaderHooks) hook(ctx.response.headers);
  // a backend body that is not the one sent (return-response, on-error) must not hold its connection
  for (const stream of ctx.backendStreams) {
    if (stream !== ctx.response.stream) stream.destroy();
  }
  return ctx.response;
}

async function handleError(
  error: unknown,
  ctx: RequestContext,
  policy: ComposedPolicy,
  log: GatewayLog,
): Promise<void> {
  const failure =
    error instanceof NodeFailure
      ? error
      : new NodeFailure(
          {
            source: 'gateway',
            reason: 'InternalError',
            message: error instanceof Error ? error.message : String(error),
            scope: '',
            section: ctx.section,
            path: '',
            policyId: '',
          },
          undefined,
          error,
        );
  ctx.lastError = failure.lastError;
  ctx.response = failure.response ?? internalServerError(ctx.requestId);
  if (
    failure.lastError.reason === 'PolicyExecutionFailure' ||
    failure.lastError.reason === 'InternalError'
  ) {
    log.warn('policy failed unexpectedly', {
      requestId: ctx.requestId,
      ...failure.lastError,
      cause: String(failure.cause),
    });
  }
  ctx.section = 'on-error';
  try {
    await runNodes(policy['on-error'], ctx);
  } catch (onErrorFailure) {
    if (onErrorFailure instanceof ReturnResponseSignal) return;
    const detail =
      onErrorFailure instanceof NodeFailure ? onErrorFailure.lastError : String(onErrorFailure);
    log.warn('on-error section failed; returning 500', { requestId: ctx.requestId, detail });
    ctx.response = internalServerError(ctx.requestId);
  }
}

// a compiled outbound section never changes: its HIT tail is found once, not on every HIT
const hitTails = new WeakMap<readonly PolicyNode[], readonly PolicyNode[]>();

/** On a cache hit, outbound resumes at the step after cache-store. */
function afterCacheStore(outbound: readonly PolicyNode[]): readonly PolicyNode[] {
  let tail = hitTails.get(outbound);
  if (!tail) {
    const index = outbound.findIndex(containsCacheStore);
    tail = index < 0 ? outbound : outbound.slice(index + 1);
    hitTails.set(outbound, tail);
  }
  return tail;
}

function containsCacheStore(node: PolicyNode): boolean {
  return node.resumesCacheHit === true || (node.children ?? []).some(containsCacheStore);
}
