/**
 * The subset of the `@azure/functions-core` contract (types-core/index.d.ts in
 * Azure/azure-functions-nodejs-library) that the local host implements.
 */
export type RpcLogLevel =
  | 'trace'
  | 'debug'
  | 'information'
  | 'warning'
  | 'error'
  | 'critical'
  | 'none';
export type RpcLogCategory = 'user' | 'system' | 'customMetric';
export type InvocationState = 'preInvocationHooks' | 'postInvocationHooks' | 'invocation';
export type HookData = Record<string, unknown>;
export type FunctionCallback = (...args: unknown[]) => unknown;
export type HookCallback = (context: never) => unknown;
export type WorkerCapabilities = Record<string, string>;

export interface RpcNullableString {
  value?: string | null;
}

export interface RpcBindingInfo {
  type?: string | null;
  direction?: 'in' | 'out' | 'inout' | null;
  dataType?: string | null;
  properties?: Record<string, unknown> | null;
  [key: string]: unknown;
}

export interface FunctionMetadata {
  name: string;
  functionId?: string;
  bindings: Record<string, RpcBindingInfo>;
  retryOptions?: unknown;
}

export interface RpcFunctionMetadata {
  name?: string | null;
  functionId?: string | null;
  directory?: string | null;
  scriptFile?: string | null;
  bindings?: Record<string, RpcBindingInfo> | null;
  rawBindings?: string[] | null;
  retryOptions?: unknown;
}

export interface RpcHttpCookie {
  name?: string | null;
  value?: string | null;
  domain?: RpcNullableString | null;
  path?: RpcNullableString | null;
  expires?: { value?: { seconds?: number | null; nanos?: number | null } | null } | null;
  secure?: { value?: boolean | null } | null;
  httpOnly?: { value?: boolean | null } | null;
  sameSite?: 'none' | 'lax' | 'strict' | 'explicitNone' | null;
  maxAge?: { value?: number | null } | null;
}

export interface RpcHttpData {
  method?: string | null;
  url?: string | null;
  headers?: Record<string, string> | null;
  body?: RpcTypedData | null;
  params?: Record<string, string> | null;
  statusCode?: string | null;
  query?: Record<string, string> | null;
  enableContentNegotiation?: boolean | null;
  cookies?: RpcHttpCookie[] | null;
  nullableHeaders?: Record<string, RpcNullableString> | null;
  nullableParams?: Record<string, RpcNullableString> | null;
  nullableQuery?: Record<string, RpcNullableString> | null;
}

export interface RpcTypedData {
  string?: string | null;
  json?: string | null;
  bytes?: Uint8Array | null;
  http?: RpcHttpData | null;
  int?: number | null;
  double?: number | null;
}

export interface RpcTraceContext {
  traceParent?: string | null;
  traceState?: string | null;
  attributes?: Record<string, string> | null;
}

export interface RpcInvocationRequest {
  invocationId?: string | null;
  functionId?: string | null;
  inputData?: { name?: string | null; data?: RpcTypedData | null }[] | null;
  triggerMetadata?: Record<string, RpcTypedData> | null;
  traceContext?: RpcTraceContext | null;
  retryContext?: unknown;
}

export interface RpcInvocationResponse {
  invocationId?: string | null;
  outputData?: { name?: string | null; data?: RpcTypedData | null }[] | null;
  returnValue?: RpcTypedData | null;
}

export interface CoreInvocationContext {
  invocationId: string;
  request: RpcInvocationRequest;
  metadata: RpcFunctionMetadata;
  state?: InvocationState;
  log(level: RpcLogLevel, category: RpcLogCategory, message: string): void;
}

export interface InvocationArguments {
  context: unknown;
  inputs: unknown[];
}

export interface InvocationModel {
  getArguments(): Promise<InvocationArguments>;
  invokeFunction(context: unknown, inputs: unknown[], callback: FunctionCallback): Promise<unknown>;
  getResponse(context: unknown, result: unknown): Promise<RpcInvocationResponse>;
}

export interface ProgrammingModel {
  name: string;
  version: string;
  getInvocationModel(
    coreContext: CoreInvocationContext,
  ): InvocationModel | Promise<InvocationModel>;
  getCapabilities?(
    defaultCapabilities: WorkerCapabilities,
  ): WorkerCapabilities | Promise<WorkerCapabilities>;
}
