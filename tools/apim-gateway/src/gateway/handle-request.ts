import type { HeaderBag } from '../http/header-bag.js';
import { matchOperation } from '../openapi/api-operations.js';
import type { ComposedPolicy } from '../pipeline/compile-policy-document.js';
import { errorResponse, type GatewayResponse } from '../pipeline/gateway-response.js';
import { RequestContext } from '../pipeline/request-context.js';
import { runPipeline } from '../pipeline/run-pipeline.js';
import { PolicyFailure } from '../pipeline/signals.js';
import type { PolicyNode } from '../policies/policy-node.js';
import type { LoadedGateway } from './load-gateway.js';

export interface IncomingGatewayRequest {
  method: string;
  url: URL;
  headers: HeaderBag;
  body: Buffer;
  clientIp: string;
}

const MISSING_KEY =
  'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.';
const INVALID_KEY =
  'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.';

export async function handleGatewayRequest(
  gateway: LoadedGateway,
  request: IncomingGatewayRequest,
): Promise<GatewayResponse> {
  const operationPath = apiRelativePath(gateway.api.path, request.url.pathname);
  if (operationPath === undefined) return errorResponse(404, 'Resource not found');
  const ctx = new RequestContext({
    method: request.method.toUpperCase(),
    originalUrl: request.url,
    headers: request.headers,
    body: request.body,
    clientIp: request.clientIp,
    api: gateway.api,
    operationPath,
    backend: gateway.defaultBackend,
  });
  const preflight = answerPreflight(gateway, ctx);
  if (preflight) return preflight;
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
    return runPipeline(ctx, gateway.apiPolicy, gateway.services.log, failure);
  }
  ctx.operation = match.operation;
  ctx.matchedParameters = match.parameters;
  const policy = gateway.operationPolicies.get(match.operation.id) ?? gateway.apiPolicy;
  return runPipeline(ctx, policy, gateway.services.log, checkSubscription(gateway, ctx));
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
