/** A JSON value as written into the OpenAPI document. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

/** A JSON object (schemas, operations, components). */
export type JsonObject = { [key: string]: JsonValue };

/** A generated OpenAPI document: 3.1.0 (served) or 3.0.3 (imported by APIM). */
export interface OpenApiDocument {
  readonly openapi: '3.1.0' | '3.0.3';
  readonly info: OpenApiInfo;
  readonly servers: readonly OpenApiServer[];
  readonly tags?: readonly JsonObject[];
  readonly paths: JsonObject;
  readonly components: JsonObject;
}

export interface OpenApiInfo {
  readonly title: string;
  readonly version: string;
  readonly description?: string;
}

export interface OpenApiServer {
  readonly url: string;
  readonly description?: string;
}

/** Options for {@link buildOpenApiDocument}. */
export interface OpenApiOptions {
  readonly info: OpenApiInfo;
  /** host.json `extensions.http.routePrefix`; default `api`. Becomes `servers: [{ url: '/api' }]`. */
  readonly routePrefix?: string;
  /** Replaces the server list derived from `routePrefix`. */
  readonly servers?: readonly OpenApiServer[];
  /** Tag descriptions, in display order. */
  readonly tags?: readonly { readonly name: string; readonly description?: string }[];
}
