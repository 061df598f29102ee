import type { Server } from 'node:http';
import { resolve } from 'node:path';

import { type HostKeys, resolveHostKeys } from '../auth/host-keys.js';
import { AppRuntime } from '../core/app-runtime.js';
import { installCoreModule, retireApp, runStartup } from '../core/core-module.js';
import type { WorkerCapabilities } from '../core/core-types.js';
import { consoleLogSink } from '../core/host-log.js';
import { defineReadOnly } from '../core/read-only.js';
import { CHUNKED_WARNING, fromFetchRequest, toFetchResponse } from '../http/fetch-adapter.js';
import { emptyResponse, type HostRequest, type HostResponse } from '../http/host-request.js';
import { RequestRejection } from '../http/request-rejection.js';
import { withCustomHeaders } from '../http/to-host-response.js';
import { buildRouteTable } from '../routing/build-route-table.js';
import { indexRoutes } from '../routing/find-route.js';
import { findRouteOverlaps } from '../routing/find-route-overlaps.js';
import { loadEntryPoints } from '../startup/load-entry-points.js';
import { loadLocalSettings } from '../startup/load-local-settings.js';
import { readHostJson } from '../startup/read-host-json.js';
import { StartupError } from '../startup/startup-error.js';
import { captureCreatedServers, closeServers } from '../streams/capture-created-servers.js';
import { createStreamsTarget, type StreamsTarget } from '../streams/forward-to-worker.js';
import { formatBanner } from './format-banner.js';
import { handleRequest, type HostState } from './handle-request.js';
import type { LocalHost, LocalHostOptions } from './local-host-options.js';
import { RequestQueue } from './request-queue.js';

/** Capabilities the Node worker advertises (getWorkerCapabilities.ts); they shape HTTP encoding. */
export const DEFAULT_WORKER_CAPABILITIES: Readonly<WorkerCapabilities> = {
  RawHttpBodyBytes: 'true',
  RpcHttpTriggerMetadataRemoved: 'true',
  RpcHttpBodyOnly: 'true',
  IgnoreEmptyValuedRpcHttpHeaders: 'true',
  UseNullableValueDictionaryForHttp: 'true',
  WorkerStatus: 'true',
  TypedDataCollection: 'true',
  HandlesWorkerTerminateMessage: 'true',
};

export const AZURE_MAX_REQUEST_BODY_SIZE: number = 100 * 1024 * 1024;
export const AZURE_MAX_URL_LENGTH = 4096;
/** The front end's limit for an HTTP response (Azure Load Balancer idle timeout). */
export const AZURE_FRONT_END_TIMEOUT_MS = 230_000;

/**
 * Starts an unmodified v4 app in-process the way the worker and host do, or throws a
 * StartupError that names the file or function to fix (never a half-started host).
 */
export async function createLocalHost(
  appDir: string,
  options: LocalHostOptions = {},
): Promise<LocalHost> {
  installCoreModule();
  const dir = resolve(appDir);
  const sink = options.log ?? consoleLogSink(options.logLevel ?? 'information');
  const app = new AppRuntime(dir, sink);
  const restoreEnv = applyEnv(options.env ?? {});
  const proxyServers: Server[] = [];
  try {
    restoreEnv.addApplied(await loadLocalSettings(dir));
    const settings = await readHostJson(dir);
    const capabilities = await runStartup(app, async () => {
      await loadEntryPoints(app);
      await app.executeHooks(
        'appStart',
        defineReadOnly(
          { functionAppDirectory: dir },
          { hookData: () => app.appLevelOnlyHookData, appHookData: () => app.appHookData },
        ),
      );
      const model = app.programmingModel;
      // The library starts its HTTP-streams proxy server in here; keep it to close it with the host.
      const captured = captureCreatedServers(() =>
        model?.getCapabilities
          ? model.getCapabilities({ ...DEFAULT_WORKER_CAPABILITIES })
          : { ...DEFAULT_WORKER_CAPABILITIES },
      );
      proxyServers.push(...captured.servers);
      const result = await captured.result;
      app.lock();
      return result;
    });
    ensureSupportedApp(app);
    const httpUri = capabilities['HttpUri'];
    const streams: StreamsTarget | undefined = httpUri ? createStreamsTarget(httpUri) : undefined;
    const stopStreams = (): Promise<void> => {
      streams?.agent.destroy();
      return closeServers(proxyServers);
    };
    if (!streams) await closeServers(proxyServers);
    const routes = buildRouteTable(app.functions.values(), settings.routePrefix, process.env);
    const keys: HostKeys | undefined = options.auth
      ? await resolveHostKeys(
          dir,
          routes.map((route) => route.fn.name),
          options.keys,
          process.env,
        )
      : undefined;
    const limits = {
      maxRequestBodySize:
        options.maxRequestBodySize ??
        requestBodySizeSetting(process.env, (message) =>
          app.log({ level: 'warning', category: 'host', message }),
        ) ??
        AZURE_MAX_REQUEST_BODY_SIZE,
      maxUrlLength: options.maxUrlLength ?? AZURE_MAX_URL_LENGTH,
      functionTimeoutMs: settings.functionTimeoutMs,
      functionTimeoutText: settings.functionTimeoutText,
      frontEndTimeoutMs:
        options.frontEndTimeoutMs === null
          ? undefined
          : (options.frontEndTimeoutMs ?? AZURE_FRONT_END_TIMEOUT_MS),
      maxOutstandingRequests: settings.maxOutstandingRequests,
      maxConcurrentRequests: settings.maxConcurrentRequests,
    };
    const throttled =
      settings.maxOutstandingRequests !== -1 || settings.maxConcurrentRequests !== -1;
    const state: HostState = {
      app,
      routes: indexRoutes(routes),
      keys,
      limits,
      queue: throttled
        ? new RequestQueue(settings.maxOutstandingRequests, settings.maxConcurrentRequests)
        : undefined,
      frontEndHeaders: options.frontEndHeaders ?? true,
      streams,
    };
    const warned = new Set<string>();
    const warnOnce = (key: string, message: string): void => {
      if (warned.has(key)) return;
      warned.add(key);
      app.log({ level: 'warning', category: 'host', message });
    };
    const warnings = findRouteOverlaps(routes).map(
      ({ first, second, example }) =>
        `Routes of functions "${first.fn.name}" (${first.template.text}) and "${second.fn.name}" (${second.template.text}) can both match ${example}. The host tries routes in function-name order, so "${first.fn.name}" wins and "${second.fn.name}" never sees such requests (Azure/azure-functions-host#3153). Add a route constraint or rename a function.`,
    );
    const baseUrl = (options.baseUrl ?? 'http://localhost:7071').replace(/\/+$/, '');
    if (options.banner)
      process.stdout.write(
        formatBanner(
          routes.map((route) => route.fn),
          baseUrl,
          keys,
        ),
      );
    if (settings.dynamicThrottlesEnabled) {
      warnings.push(
        'host.json sets extensions.http.dynamicThrottlesEnabled, which this local host does not emulate (Azure answers 429 while its performance counters are over 80%). maxOutstandingRequests and maxConcurrentRequests are honoured.',
      );
    }
    for (const warning of warnings)
      app.log({ level: 'warning', category: 'host', message: `WARNING: ${warning}` });

    const customHeaders = Object.entries(settings.customHeaders);
    // No extra async layer (and no header scan) when host.json sets no customHeaders.
    const handle = (request: HostRequest): Promise<HostResponse> =>
      customHeaders.length === 0
        ? handleRequest(state, request)
        : handleRequest(state, request).then((response) =>
            withCustomHeaders(response, customHeaders),
          );
    let closed: Promise<void> | undefined;
    return {
      functions: routes.map((route) => route.fn),
      keys,
      routePrefix: settings.routePrefix,
      warnings,
      limits,
      handle,
      warnOnce,
      streams: streams !== undefined,
      async fetch(request: Request): Promise<Response> {
        try {
          const hostRequest = fromFetchRequest(
            request,
            limits,
            () => warnOnce('chunked', CHUNKED_WARNING),
            streams !== undefined,
          );
          return toFetchResponse(await handle(hostRequest));
        } catch (error) {
          if (error instanceof RequestRejection) {
            return toFetchResponse(withCustomHeaders(emptyResponse(error.status), customHeaders));
          }
          throw error;
        }
      },
      close(): Promise<void> {
        closed ??= (async () => {
          try {
            await app.executeHooks(
              'appTerminate',
              defineReadOnly(
                {},
                { hookData: () => app.appLevelOnlyHookData, appHookData: () => app.appHookData },
              ),
            );
          } finally {
            await stopStreams();
            retireApp(app);
            restoreEnv.restore();
          }
        })();
        return closed;
      },
    };
  } catch (error) {
    await closeServers(proxyServers);
    retireApp(app);
    restoreEnv.restore();
    throw error;
  }
}

/** `FUNCTIONS_REQUEST_BODY_SIZE_LIMIT` (bytes), the app setting Azure reads for Kestrel's limit. */
function requestBodySizeSetting(
  env: NodeJS.ProcessEnv,
  warn: (message: string) => void,
): number | undefined {
  const value = env['FUNCTIONS_REQUEST_BODY_SIZE_LIMIT'];
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  // The host's long.TryParse fails and it keeps the default.
  warn(
    `FUNCTIONS_REQUEST_BODY_SIZE_LIMIT="${value}" is not a whole number of bytes; the default limit of ${AZURE_MAX_REQUEST_BODY_SIZE} bytes applies.`,
  );
  return undefined;
}

function ensureSupportedApp(app: AppRuntime): void {
  if (app.functions.size === 0) {
    throw new StartupError(
      `The app in ${app.appDir} registered no functions. Call app.http(...) in the entry file named by package.json "main". If "@azure/functions" printed "test mode", it was loaded before the host provided @azure/functions-core: load it only from the app.`,
    );
  }
}

function applyEnv(values: Record<string, string>): {
  addApplied(names: string[]): void;
  restore(): void;
} {
  const previous = new Map<string, string | undefined>();
  for (const [name, value] of Object.entries(values)) {
    previous.set(name, process.env[name]);
    process.env[name] = value;
  }
  return {
    addApplied(names) {
      for (const name of names) if (!previous.has(name)) previous.set(name, undefined);
    },
    restore() {
      for (const [name, value] of previous) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      previous.clear();
    },
  };
}
