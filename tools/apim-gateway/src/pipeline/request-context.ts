import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';

import type {
  ApiView,
  ExpressionScope,
  LastErrorView,
  OperationView,
  RequestView,
  ResponseView,
  SubscriptionView,
  UrlView,
} from '../expressions/runtime-types.js';
import { ClientAbort } from '../http/client-abort.js';
import type { HeaderBag } from '../http/header-bag.js';
import { QueryBag } from '../http/query-bag.js';
import type { ApiOperation } from '../openapi/api-operations.js';
import type { ClientRequestBody } from './client-request-body.js';
import type { GatewayResponse } from './gateway-response.js';
import type { Section } from './section.js';

export interface BackendTarget {
  url: string;
  id: string | undefined;
}

export interface RequestContextInit {
  method: string;
  originalUrl: URL;
  headers: HeaderBag;
  body: Buffer;
  clientIp: string;
  api: ApiView;
  operationPath: string;
  backend: BackendTarget | undefined;
  /** Aborted when the client goes away before the response is complete. */
  clientAbort?: ClientAbort;
}

/** Mutable per-request state the policies act on; `scope` is the read-only `context` for expressions. */
export class RequestContext {
  readonly requestId: string = randomUUID();
  readonly timestamp: Date = new Date();
  readonly originalUrl: URL;
  readonly clientIp: string;
  readonly api: ApiView;
  readonly variables: Map<string, unknown> = new Map();
  readonly afterResponse: Array<() => void> = [];
  method: string;
  requestHeaders: HeaderBag;
  query: QueryBag;
  /** The request body a policy set (set-body), or the client's once read whole. */
  requestBody: Buffer;
  /** The client's body, still unread: forward-request buffers or streams it; set-body drops it. */
  pendingBody: ClientRequestBody | undefined;
  /** forward-request streamed a non-empty client body: it cannot be sent again (retry). */
  requestBodyStreamed = false;
  /** Aborted when the client goes away: backend calls and streamed bodies stop with it. */
  readonly clientAbort: ClientAbort;
  operationPath: string;
  matchedParameters: Map<string, string> = new Map();
  operation: ApiOperation | undefined;
  backend: BackendTarget | undefined;
  response: GatewayResponse | undefined;
  subscription: SubscriptionView | null = null;
  lastError: LastErrorView | undefined;
  section: Section = 'inbound';
  cacheKey: string | undefined;
  cacheHit = false;
  /** The policy that answered instead of the backend (return-response, cache-lookup HIT), for the access log. */
  endedBy: string | undefined;
  /** forward-request got a backend response. */
  forwarded = false;
  /** Backend bodies still streaming (buffer-response="false"); the ones not sent are destroyed. */
  readonly backendStreams: Readable[] = [];
  /** Headers policies add to whatever response is finally sent (cors, rate-limit counters). */
  readonly responseHeaderHooks: Array<(headers: HeaderBag) => void> = [];
  readonly scope: ExpressionScope;

  constructor(init: RequestContextInit) {
    this.method = init.method;
    this.originalUrl = init.originalUrl;
    this.requestHeaders = init.headers;
    this.query = QueryBag.parse(init.originalUrl.search);
    this.requestBody = init.body;
    this.pendingBody = undefined;
    this.clientAbort = init.clientAbort ?? new ClientAbort();
    this.clientIp = init.clientIp;
    this.api = init.api;
    this.operationPath = init.operationPath;
    this.backend = init.backend;
    this.scope = new ContextScope(this);
  }

  /** The URL the backend would receive right now (follows rewrite-uri and set-backend-service). */
  currentUrl(): string {
    const base = this.backend?.url ?? `${this.originalUrl.origin}/${this.api.path}`;
    const query = this.query.toString();
    return `${base.replace(/\/+$/, '')}${this.operationPath}${query ? `?${query}` : ''}`;
  }
}

function urlView(href: string): UrlView {
  const url = new URL(href);
  const query = QueryBag.parse(url.search);
  return {
    scheme: url.protocol.replace(':', ''),
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80,
    path: url.pathname,
    query,
    queryString: url.search,
    toString: () => url.toString(),
  };
}

function operationView(ctx: RequestContext): OperationView {
  const op = ctx.operation;
  return {
    id: op?.id ?? '',
    name: op?.id ?? '',
    method: op?.method ?? ctx.method,
    urlTemplate: op?.urlTemplate ?? '',
  };
}

// Classes with prototype getters: an object literal with ten accessors costs a define per getter per request.
class ContextScope implements ExpressionScope {
  private requestView: RequestScope | undefined;

  constructor(private readonly ctx: RequestContext) {}

  get requestId(): string {
    return this.ctx.requestId;
  }

  get timestamp(): Date {
    return this.ctx.timestamp;
  }

  get request(): RequestView {
    return (this.requestView ??= new RequestScope(this.ctx));
  }

  get response(): ResponseView | undefined {
    const response = this.ctx.response;
    if (!response) return undefined;
    return {
      statusCode: response.status,
      statusReason: response.reason,
      headers: response.headers,
    };
  }

  get variables(): Map<string, unknown> {
    return this.ctx.variables;
  }

  get subscription(): SubscriptionView | null {
    return this.ctx.subscription;
  }

  get lastError(): LastErrorView | undefined {
    return this.ctx.lastError;
  }

  get operation(): OperationView {
    return operationView(this.ctx);
  }

  get api(): ApiView {
    return this.ctx.api;
  }
}

// Reads the request as it is now (set-method, set-header, rewrite-uri change it).
class RequestScope implements RequestView {
  constructor(private readonly ctx: RequestContext) {}

  get method(): string {
    return this.ctx.method;
  }

  // the URL views parse a URL each: built only when an expression reads them
  get url(): UrlView {
    return urlView(this.ctx.currentUrl());
  }

  get originalUrl(): UrlView {
    return urlView(this.ctx.originalUrl.toString());
  }

  get headers(): HeaderBag {
    return this.ctx.requestHeaders;
  }

  get ipAddress(): string {
    return this.ctx.clientIp;
  }

  get matchedParameters(): ReadonlyMap<string, string> {
    return this.ctx.matchedParameters;
  }
}
