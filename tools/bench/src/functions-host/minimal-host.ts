import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

import { coreApi } from '@cookbook/functions-host';

// The worker-side types, read off the host's public `@azure/functions-core` stand-in.
type FunctionMetadata = Parameters<typeof coreApi.registerFunction>[0];
type FunctionCallback = Parameters<typeof coreApi.registerFunction>[1];
type ProgrammingModel = NonNullable<ReturnType<typeof coreApi.getProgrammingModel>>;
type CoreInvocationContext = Parameters<ProgrammingModel['getInvocationModel']>[0];

export interface MinimalApp {
  model: ProgrammingModel;
  metadata: FunctionMetadata;
  callback: FunctionCallback;
}

/**
 * Records the functions the app registers from now on (call it before the host loads the app);
 * the returned function gives the first one with the programming model, for the minimal host.
 */
export function recordMinimalApp(): () => MinimalApp {
  const registered: { metadata: FunctionMetadata; callback: FunctionCallback }[] = [];
  const registerFunction = coreApi.registerFunction;
  coreApi.registerFunction = (metadata, callback) => {
    registered.push({ metadata, callback });
    return registerFunction(metadata, callback);
  };
  return () => {
    const [first] = registered;
    const model = coreApi.getProgrammingModel();
    if (!first || !model) throw new Error('The benchmark app registered no function.');
    return { model, ...first };
  };
}

const noLog = (): void => undefined;
const EMPTY = new Uint8Array();

/**
 * The baseline: a server that only drives the library's invocation model for one function.
 * No routing, keys, hooks, host encoding rules, trace context or logs.
 */
export function createMinimalHost(app: MinimalApp, frontEndHeaders = false): Server {
  const invokeMinimal = minimalInvoker(app);
  return createServer((req, res) => {
    const headers = frontEndHeaders
      ? withFrontEndHeaders(req.headers as Record<string, string>, req)
      : (req.headers as Record<string, string>);
    const url = `http://${req.headers.host}${req.url}`;
    void invokeMinimal({ method: req.method ?? 'GET', url, headers }).then(writeBody(res));
  });
}

/** What the minimal host hands the library: Node's header object as is. */
export interface MinimalHttp {
  method: string;
  url: string;
  headers: Record<string, string>;
}

/**
 * Invocations the minimal host's way: the library's invocation model with Node's header object
 * as is (no lowercasing or joining rules, no nullable maps), and no logs.
 */
export function minimalInvoker({
  model,
  metadata,
  callback,
}: MinimalApp): (http: MinimalHttp) => Promise<Uint8Array> {
  const bindingName = Object.keys(metadata.bindings).find((name) => name !== '$return') ?? 'req';
  return (http) => {
    const coreCtx: CoreInvocationContext = {
      invocationId: 'bench',
      metadata,
      request: { invocationId: 'bench', inputData: [{ name: bindingName, data: { http } }] },
      log: noLog,
    };
    return invoke(model, coreCtx, callback);
  };
}

/** The six headers Azure's front end adds (values shaped like the full host's), nothing else. */
function withFrontEndHeaders(
  headers: Record<string, string>,
  req: IncomingMessage,
): Record<string, string> {
  const host = headers['host'] ?? '';
  return {
    ...headers,
    'x-forwarded-for': `${req.socket.remoteAddress ?? ''}:${req.socket.remotePort ?? 0}`,
    'x-forwarded-proto': 'http',
    'x-original-url': req.url ?? '/',
    'x-arr-log-id': randomUUID(),
    'disguised-host': host,
    'was-default-hostname': host,
  };
}

/** The worker request the host sends (its `@azure/functions-core` invocation request). */
export type WorkerRequest = CoreInvocationContext['request'];

/**
 * Replays one recorded worker request through the minimal host's invocation path: the library's
 * work on exactly what the host encodes (front-end headers, nullable maps, trace context), no host.
 * Each call gets a fresh copy, as Azure's worker decodes a fresh request from gRPC per invocation.
 */
export function replayInvoker(
  { model, metadata, callback }: MinimalApp,
  request: WorkerRequest,
): () => Promise<Uint8Array> {
  return () =>
    invoke(
      model,
      { invocationId: 'bench', metadata, request: decodedCopy(request), log: noLog },
      callback,
    );
}

/**
 * A server that answers every request by replaying the recorded worker request: the socket and
 * the library's work on what Azure sends, none of the host's own code. The floor of a faithful host.
 */
export function createReplayHost(app: MinimalApp, request: WorkerRequest): Server {
  const replay = replayInvoker(app, request);
  return createServer((_req, res) => {
    void replay().then(writeBody(res));
  });
}

/** A new object for every array and object (bytes too), strings shared: what a decoder allocates. */
function decodedCopy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Uint8Array) return value.slice() as T;
  if (Array.isArray(value)) return value.map(decodedCopy) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) copy[key] = decodedCopy(field);
  return copy as T;
}

async function invoke(
  model: ProgrammingModel,
  coreCtx: CoreInvocationContext,
  callback: FunctionCallback,
): Promise<Uint8Array> {
  const invocation = await model.getInvocationModel(coreCtx);
  const { context, inputs } = await invocation.getArguments();
  const result = await invocation.invokeFunction(context, inputs, callback);
  const response = await invocation.getResponse(context, result);
  return response.returnValue?.http?.body?.bytes ?? EMPTY;
}

function writeBody(res: ServerResponse): (body: Uint8Array) => void {
  return (body) => {
    res.writeHead(200, {
      'content-type': 'text/plain; charset=utf-8',
      'content-length': body.length,
    });
    res.end(body);
  };
}
