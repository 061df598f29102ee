import { randomUUID } from 'node:crypto';

import type { ClientAbort } from '../http/client-abort.js';
import type { HeaderBag } from '../http/header-bag.js';
import { matchOperation } from '../openapi/api-operations.js';
import type { ClientRequestBody } from '../pipeline/client-request-body.js';
import type { ComposedPolicy } from '../pipeline/compile-policy-document.js';
import { errorResponse, type GatewayResponse } from '../pipeline/gateway-response.js';
import { RequestContext } from '../pipeline/request-context.js';
import { runPipeline } from '../pipeline/run-pipeline.js';
import { PolicyFailure } from '../pipeline/signals.js';
import type { PolicyNode } from '../policies/policy-node.js';
import type { LoadedGateway } from './load-gateway.js';

/** What the gateway knows once the request line and headers have arrived. */
export interface GatewayRequestHead {
  method: string;
  url: URL;
  headers: HeaderBag;
  clientIp: string;
  /** Aborted when the client goes away before the response is complete. */
  clientAbort?: ClientAbort;
}

/** The response, plus what the access log reports about it. */
export interface GatewayOutcome {
  response: GatewayResponse;
  /** context.RequestId (the activityId of a generic 500). */
  requestId: string;
  /** What ended the request: backend, subscription-key, validate-jwt, cache-lookup (HIT), … */
  endedBy: string;
}

/** Either answered from the head alone, or admitted: the pipeline runs once the body is read. */
export type Admission =
  | { outcome: GatewayOutcome | Promise<GatewayOutcome>; run?: undefined }
  | { outcome?: undefined; run(body: ClientRequestBody): Promise<GatewayOutcome> };

const MISSING_KEY =
  'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.';
const INVALID_KEY =
  'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.';

/**
 * API and operation match, CORS preflight and the subscription key: all decided from the head,
 * so a 404 or 401 never waits for (or buffers) the request body.
 */
export function admitRequest(gateway: LoadedGateway, head: GatewayRequestHead): Admission {
  const operationPath = apiRelativePath(gateway.api.path, head.url.pathname);
  if (operationPath === undefined) {
    const outcome = {
      response: errorResponse(404, 'Resource not found'),
      requestId: randomUUID(),
      endedBy: 'api-match',
    };
    return { outcome };
  }
  const ctx = new RequestContext({
    method: head.method.toUpperCase(),
    originalUrl: head.url,
    headers: head.headers,
    body: Buffer.alloc(0),
    clientIp: head.clientIp,
    api: gateway.api,
    operationPath,
    backend: gateway.defaultBackend,
    ...(head.clientAbort ? { clientAbort: head.clientAbort } : {}),
  });
  const preflight = answerPreflight(gateway, ctx);
  if (preflight) {
    return {
      outcome: { response: preflight, requestId: ctx.requestId, endedBy: 'cors (preflight)' },
    };
  }
  const match = matchOperation(gateway.operations, ctx.method, operationPath);
  if (!match) {
    const failure = new PolicyFailure(
      {
        source: 'configuration',
        reason: 'OperationNotFound',
        message: 'Unable to match incoming request to an operation.',
      },
      errorResponse(404, 'Resource not found'),
    );
    return { outcome: run(gateway, ctx, gateway.apiPolicy, failure) };
  }
  ctx.operation = match.operation;
  ctx.matchedParameters = match.parameters;
  const policy = gateway.operationPolicies.get(match.operation.id) ?? gateway.apiPolicy;
  const keyFailure = checkSubscription(gateway, ctx);
  if (keyFailure) return { outcome: run(gateway, ctx, policy, keyFailure) };
  return new Admitted(gateway, ctx, policy);
}

// A class, not a closure: one object per request either way, without a function created for it.
class Admitted {
  readonly outcome = undefined;

  constructor(
    private readonly gateway: LoadedGateway,
    private readonly ctx: RequestContext,
    private readonly policy: ComposedPolicy,
  ) {}

  run(body: ClientRequestBody): Promise<GatewayOutcome> {
    // read (or streamed) only if forward-request runs: an early answer never waits for it
    this.ctx.pendingBody = body;
    return run(this.gateway, this.ctx, this.policy, undefined);
  }
}

async function run(
  gateway: LoadedGateway,
  ctx: RequestContext,
  policy: ComposedPolicy,
  builtInFailure: PolicyFailure | undefined,
): Promise<GatewayOutcome> {
  const response = await runPipeline(ctx, policy, gateway.services.log, builtInFailure);
  return { response, requestId: ctx.requestId, endedBy: endedBy(ctx) };
}

// Built-in steps report LastError sources that are not policy names.
const BUILT_IN_STEPS: Readonly<Record<string, string>> = {
  authorization: 'subscription-key',
  configuration: 'operation-match',
};

function endedBy(ctx: RequestContext): string {
  if (ctx.lastError) return BUILT_IN_STEPS[ctx.lastError.source] ?? ctx.lastError.source;
  return ctx.endedBy ?? (ctx.forwarded ? 'backend' : 'pipeline');
}

/** The part of the path after the API URL suffix, or undefined when the request is for another API. */
function apiRelativePath(apiPath: string, pathname: string): string | undefined {
  const prefix = apiPath ? `/${apiPath}` : '';
  if (pathname !== prefix && !pathname.startsWith(`${prefix}/`)) return undefined;
  return pathname.slice(prefix.length) || '/';
}

/** Header first, then query parameter; APIM only checks the query when the header is absent. */
function checkSubscription(gateway: LoadedGateway, ctx: RequestContext): PolicyFailure | undefined {
  const key =
    ctx.requestHeaders.get(gateway.keyNames.header) ??
    ctx.query.values(gateway.keyNames.query)?.[0];
  if (key !== undefined) {
    const subscription = gateway.subscriptionsByKey.get(key.trim());
    if (subscription?.active) {
      ctx.subscription = {
        id: subscription.id,
        key: subscription.key,
        name: subscription.name,
        primaryKey: subscription.primaryKey,
        secondaryKey: subscription.secondaryKey,
      };
      return undefined;
    }
  }
  if (!gateway.subscriptionRequired) return undefined;
  const missing = key === undefined || key.trim() === '';
  return new PolicyFailure(
    {
      source: 'authorization',
      reason: missing ? 'SubscriptionKeyNotFound' : 'SubscriptionKeyInvalid',
      message: missing ? MISSING_KEY : INVALID_KEY,
    },
    errorResponse(401, missing ? MISSING_KEY : INVALID_KEY),
  );
}

/** APIM answers a CORS preflight with the cors policy alone, before keys are checked. */
function answerPreflight(gateway: LoadedGateway, ctx: RequestContext): GatewayResponse | undefined {
  if (ctx.method !== 'OPTIONS') return undefined;
  const requestedMethod = ctx.requestHeaders.get('access-control-request-method');
  if (!requestedMethod || !ctx.requestHeaders.has('origin')) return undefined;
  if (matchOperation(gateway.operations, 'OPTIONS', ctx.operationPath)) return undefined;
  const target = matchOperation(
    gateway.operations,
    requestedMethod.toUpperCase(),
    ctx.operationPath,
  );
  const policy: ComposedPolicy =
    (target && gateway.operationPolicies.get(target.operation.id)) ?? gateway.apiPolicy;
  const corsNode = findCors(policy.inbound);
  if (!corsNode?.preflight?.(ctx)) return undefined;
  return ctx.response;
}

function findCors(nodes: readonly PolicyNode[]): PolicyNode | undefined {
  return nodes.find((node) => node.preflight !== undefined);
}
