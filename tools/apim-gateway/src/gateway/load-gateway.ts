import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { BoundedCache } from '../cache/bounded-cache.js';
import { FixedWindowQuota } from '../cache/fixed-window-quota.js';
import { SlidingWindowLimiter } from '../cache/sliding-window-limiter.js';
import type { GatewayConfig, PolicyFileConfig } from '../config/gateway-config-schema.js';
import { resolveNamedValues, substituteNamedValues } from '../config/named-values.js';
import type { LoadedConfig } from '../config/read-gateway-config.js';
import type { ApiView, SubscriptionView } from '../expressions/runtime-types.js';
import { DEFAULT_DEV_ISSUER, DEV_ISSUER_PATH } from '../jwt/dev-issuer.js';
import { OpenIdConfigCache } from '../jwt/openid-config-cache.js';
import { type ApiOperation, readApiOperations } from '../openapi/api-operations.js';
import { assertApimImportable } from '../openapi/assert-apim-importable.js';
import {
  compilePolicyDocument,
  type ComposedPolicy,
  DEFAULT_GLOBAL_POLICY_XML,
  EMPTY_POLICY,
} from '../pipeline/compile-policy-document.js';
import type { BackendTarget } from '../pipeline/request-context.js';
import { streamingConflicts } from '../pipeline/streaming-conflicts.js';
import type { GatewayLog, GatewayServices, ResolvedBackend } from '../policies/gateway-services.js';
import type { PolicyNode } from '../policies/policy-node.js';
import { GatewayLoadError } from '../xml/load-error.js';
import type { PolicyFormat } from '../xml/parse-xml.js';

export interface GatewaySubscription extends SubscriptionView {
  active: boolean;
}

/** Everything the request handler needs, compiled once at startup. */
export interface LoadedGateway {
  api: ApiView;
  operations: ApiOperation[];
  apiPolicy: ComposedPolicy;
  operationPolicies: ReadonlyMap<string, ComposedPolicy>;
  subscriptionsByKey: ReadonlyMap<string, GatewaySubscription>;
  subscriptionRequired: boolean;
  keyNames: { header: string; query: string };
  defaultBackend: BackendTarget | undefined;
  services: GatewayServices;
  devIssuer: { issuer: string; audience: string | undefined; subject: string | undefined };
  config: GatewayConfig;
}

export interface LoadGatewayOptions {
  env: Record<string, string | undefined>;
  /** The gateway's own origin (dev-issuer URLs point here). */
  gatewayUrl: string;
  log: GatewayLog;
  fetchJson?: (url: string) => Promise<unknown>;
}

export async function loadGateway(
  loaded: LoadedConfig,
  options: LoadGatewayOptions,
): Promise<LoadedGateway> {
  const { config, file, baseDir } = loaded;
  const namedValues = resolveNamedValues(config, options.env, {
    openidConfigUrl: `${options.gatewayUrl}${DEV_ISSUER_PATH}/.well-known/openid-configuration`,
    jwksUrl: `${options.gatewayUrl}${DEV_ISSUER_PATH}/discovery/keys`,
  });
  if (namedValues.problems.length > 0)
    throw new GatewayLoadError(file, 'namedValues', namedValues.problems.join('; '));
  const values = namedValues.values;
  const substitute = (text: string, where: string): string => {
    const result = substituteNamedValues(text, values);
    if (result.unknown.length > 0) {
      throw new GatewayLoadError(
        file,
        where,
        `unknown named value ${result.unknown.map((n) => `{{${n}}}`).join(', ')}`,
      );
    }
    return result.text;
  };
  const services = createServices(config, options, substitute);
  const openapiFile = resolve(baseDir, config.api.openapi);
  const openapiText = await readOpenApiText(openapiFile);
  const openapiDocument = parseJson(openapiText, openapiFile);
  // Refuse what APIM's import would refuse or silently change; warn where it transforms.
  assertApimImportable(openapiDocument, Buffer.byteLength(openapiText), openapiFile, options.log);
  const operations = readApiOperations(openapiDocument, openapiFile);
  const policies = config.api.policies;
  const files = { baseDir, values, services, format: policies.format };
  const globalPolicy = await compileFile(policies.global, 'global', EMPTY_POLICY, files);
  const apiPolicy = await compileFile(policies.api, 'api', globalPolicy, files);
  const operationPolicies = new Map<string, ComposedPolicy>();
  for (const [operationId, entry] of Object.entries(policies.operations ?? {})) {
    if (!operations.some((op) => op.id === operationId)) {
      const known = operations.map((op) => op.id).join(', ');
      throw new GatewayLoadError(
        file,
        `api.policies.operations.${operationId}`,
        `no operation "${operationId}" in ${openapiFile} (known: ${known})`,
      );
    }
    operationPolicies.set(operationId, await compileFile(entry, 'operation', apiPolicy, files));
  }
  warnStreamingConflicts([apiPolicy, ...operationPolicies.values()], options.log);
  const apiId = config.api.id ?? (config.api.path || 'api');
  return {
    api: {
      id: apiId,
      name: config.api.name ?? apiId,
      path: config.api.path.replace(/^\/+|\/+$/g, ''),
    },
    operations,
    apiPolicy,
    operationPolicies,
    subscriptionsByKey: subscriptionIndex(config, substitute, options.env, file),
    subscriptionRequired: config.api.subscriptionRequired,
    keyNames: config.api.subscriptionKeyParameterNames ?? {
      header: 'Ocp-Apim-Subscription-Key',
      query: 'subscription-key',
    },
    defaultBackend: config.api.serviceUrl
      ? { url: substitute(config.api.serviceUrl, 'api.serviceUrl'), id: undefined }
      : undefined,
    services,
    devIssuer: {
      issuer: substitute(config.devIssuer.issuer ?? DEFAULT_DEV_ISSUER, 'devIssuer.issuer'),
      audience: config.devIssuer.audience
        ? substitute(config.devIssuer.audience, 'devIssuer.audience')
        : undefined,
      subject: config.devIssuer.subject,
    },
    config,
  };
}

function createServices(
  config: GatewayConfig,
  options: LoadGatewayOptions,
  substitute: (text: string, where: string) => string,
): GatewayServices {
  const backends = new Map<string, ResolvedBackend>();
  config.backends.forEach((backend, i) => {
    const resolveAll = (
      record: Record<string, string[]> | undefined,
      kind: string,
    ): Record<string, string[]> =>
      Object.fromEntries(
        Object.entries(record ?? {}).map(([name, list]) => [
          name,
          list.map((v) => substitute(v, `backends[${i}].credentials.${kind}.${name}`)),
        ]),
      );
    backends.set(backend.id, {
      id: backend.id,
      url: substitute(backend.url, `backends[${i}].url`),
      credentials: {
        header: resolveAll(backend.credentials?.header, 'header'),
        query: resolveAll(backend.credentials?.query, 'query'),
      },
    });
  });
  const limits = config.limits;
  const cacheMaxBytes = limits.cacheMaxBytes ?? 32 * 1024 * 1024;
  return {
    backends,
    responseCache: new BoundedCache({
      maxEntries: limits.cacheMaxEntries ?? 1000,
      maxBytes: cacheMaxBytes,
      sizeOf: (entry) => entry.body.length + 512,
    }),
    responseCacheMaxBytes: cacheMaxBytes,
    valueCache: new BoundedCache({ maxEntries: limits.cacheMaxEntries ?? 1000 }),
    rateLimiter: new SlidingWindowLimiter({ maxKeys: limits.counterMaxKeys ?? 10_000 }),
    quotas: new FixedWindowQuota({ maxKeys: limits.counterMaxKeys ?? 10_000 }),
    openIdConfigs: new OpenIdConfigCache(options.fetchJson ? { fetchJson: options.fetchJson } : {}),
    log: options.log,
  };
}

async function compileFile(
  entry: PolicyFileConfig | undefined,
  scope: 'global' | 'api' | 'operation',
  parent: ComposedPolicy,
  ctx: {
    baseDir: string;
    values: ReadonlyMap<string, string>;
    services: GatewayServices;
    format: PolicyFormat;
  },
): Promise<ComposedPolicy> {
  const path = typeof entry === 'string' ? entry : entry?.file;
  const format = typeof entry === 'object' ? entry.format : ctx.format;
  const file = path
    ? resolve(ctx.baseDir, path)
    : scope === 'global'
      ? '<default global policy>'
      : undefined;
  // A scope without a file behaves like APIM's default document: <base/> in every section.
  if (file === undefined) return parent;
  let source = DEFAULT_GLOBAL_POLICY_XML;
  if (path) {
    try {
      source = await readFile(file, 'utf8');
    } catch (error) {
      throw new GatewayLoadError(
        file,
        undefined,
        `cannot read policy file: ${(error as Error).message}`,
      );
    }
  }
  return compilePolicyDocument({
    source,
    format,
    file,
    scope,
    parent,
    namedValues: ctx.values,
    services: ctx.services,
  });
}

function subscriptionIndex(
  config: GatewayConfig,
  substitute: (text: string, where: string) => string,
  env: Record<string, string | undefined>,
  file: string,
): Map<string, GatewaySubscription> {
  const index = new Map<string, GatewaySubscription>();
  config.subscriptions.forEach((subscription, i) => {
    const resolveKey = (key: string, where: string): string => {
      if (!key.startsWith('env:')) return substitute(key, where);
      const value = env[key.slice(4)];
      if (!value)
        throw new GatewayLoadError(file, where, `environment variable ${key.slice(4)} is not set`);
      return value;
    };
    const primaryKey = resolveKey(subscription.key, `subscriptions[${i}].key`);
    const secondaryKey = subscription.secondaryKey
      ? resolveKey(subscription.secondaryKey, `subscriptions[${i}].secondaryKey`)
      : '';
    const base = {
      id: subscription.id,
      name: subscription.name ?? subscription.id,
      primaryKey,
      secondaryKey,
      active: subscription.state === 'active',
    };
    index.set(primaryKey, { ...base, key: primaryKey });
    if (secondaryKey) index.set(secondaryKey, { ...base, key: secondaryKey });
  });
  return index;
}

async function readOpenApiText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new GatewayLoadError(
      file,
      undefined,
      `cannot read OpenAPI document: ${(error as Error).message} (build the recipe first?)`,
    );
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new GatewayLoadError(file, undefined, `invalid JSON: ${(error as Error).message}`);
  }
}

/** A load warning, not an error: APIM accepts these policies too, and buffers the response for them. */
function warnStreamingConflicts(policies: readonly ComposedPolicy[], log: GatewayLog): void {
  const warned = new Set<string>();
  for (const { forward, reader } of policies.flatMap(streamingConflicts)) {
    const where = (node: PolicyNode): string => `${node.file} (${node.path}, line ${node.line})`;
    const key = `${where(forward)} ${where(reader)}`;
    if (warned.has(key)) continue;
    warned.add(key);
    log.warn(
      `${reader.name} reads the whole response body, so the response of forward-request buffer-response="false" is buffered, not streamed (as APIM does; its guidance for server-sent events: do not cache such responses)`,
      { forwardRequest: where(forward), [reader.name]: where(reader) },
    );
  }
}
