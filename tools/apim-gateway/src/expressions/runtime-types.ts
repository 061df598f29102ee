/** Case-insensitive (headers) or case-sensitive (query) multi-valued lookup. */
export interface MultiValueView {
  values(name: string): string[] | undefined;
}

export interface UrlView {
  scheme: string;
  host: string;
  port: number;
  path: string;
  query: MultiValueView;
  queryString: string;
  toString(): string;
}

export interface RequestView {
  method: string;
  url: UrlView;
  originalUrl: UrlView;
  headers: MultiValueView;
  ipAddress: string;
  matchedParameters: ReadonlyMap<string, string>;
}

export interface ResponseView {
  statusCode: number;
  statusReason: string;
  headers: MultiValueView;
}

export interface SubscriptionView {
  id: string;
  key: string;
  name: string;
  primaryKey: string;
  secondaryKey: string;
}

export interface LastErrorView {
  source: string;
  reason: string;
  message: string;
  scope: string;
  section: string;
  path: string;
  policyId: string;
}

export interface OperationView {
  id: string;
  name: string;
  method: string;
  urlTemplate: string;
}

export interface ApiView {
  id: string;
  name: string;
  path: string;
}

/** What `context` exposes to expressions. */
export interface ExpressionScope {
  requestId: string;
  timestamp: Date;
  request: RequestView;
  response: ResponseView | undefined;
  variables: Map<string, unknown>;
  subscription: SubscriptionView | null;
  lastError: LastErrorView | undefined;
  operation: OperationView;
  api: ApiView;
}

/** A validated or parsed JWT, as APIM's `Jwt` type. */
export class JwtValue {
  readonly header: Record<string, unknown>;
  readonly claims: Record<string, unknown>;

  constructor(header: Record<string, unknown>, claims: Record<string, unknown>) {
    this.header = header;
    this.claims = claims;
  }

  /** APIM's Claims dictionary maps a name to string[]; arrays stay arrays, scalars become one item. */
  claimValues(name: string): string[] | undefined {
    const value = this.claims[name];
    if (value === undefined || value === null) return undefined;
    if (Array.isArray(value)) return value.map((item) => stringifyClaim(item));
    return [stringifyClaim(value)];
  }
}

function stringifyClaim(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
