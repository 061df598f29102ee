import Module from 'node:module';

import type { AppRuntime } from './app-runtime.js';
import { STARTUP_ONLY_MESSAGE } from './app-runtime.js';
import type {
  FunctionCallback,
  FunctionMetadata,
  HookCallback,
  ProgrammingModel,
  RpcLogCategory,
  RpcLogLevel,
} from './core-types.js';
import { Disposable } from './disposable.js';

/** Versions reported to the app; high enough for the library's feature checks (log hooks, streaming). */
export const WORKER_VERSION = '3.12.0';
export const EMULATED_HOST_VERSION = '4.1040.0';

let startingApp: AppRuntime | undefined;
const runningApps: AppRuntime[] = [];
let lastProgrammingModel: ProgrammingModel | undefined;

function currentApp(): AppRuntime | undefined {
  return startingApp ?? runningApps.at(-1);
}

export interface CoreApi {
  version: string;
  readonly hostVersion: string;
  registerFunction(metadata: FunctionMetadata, callback: FunctionCallback): Disposable;
  registerHook(hookName: string, callback: HookCallback): Disposable;
  setProgrammingModel(programmingModel: ProgrammingModel): void;
  getProgrammingModel(): ProgrammingModel | undefined;
  log(level: RpcLogLevel, category: RpcLogCategory, message: string): void;
  Disposable: typeof Disposable;
}

/**
 * The `@azure/functions-core` object. A process-wide singleton because the library caches the
 * module (tryGetCoreApiLazy) and sets its programming model once per process; it dispatches to
 * the host app that is starting, else the most recently started one.
 */
export const coreApi: CoreApi = {
  version: WORKER_VERSION,
  get hostVersion(): string {
    return EMULATED_HOST_VERSION;
  },
  registerFunction(metadata: FunctionMetadata, callback: FunctionCallback): Disposable {
    if (!startingApp) throw new Error(STARTUP_ONLY_MESSAGE);
    return startingApp.registerFunction(metadata, callback);
  },
  registerHook(hookName: string, callback: HookCallback): Disposable {
    const app = currentApp();
    if (!app) {
      throw new Error(`Cannot register a "${hookName}" hook: no Azure Functions app is running.`);
    }
    return app.registerHook(hookName, callback);
  },
  setProgrammingModel(programmingModel: ProgrammingModel): void {
    lastProgrammingModel = programmingModel;
    const app = currentApp();
    if (app) {
      app.programmingModel = programmingModel;
      app.log({
        level: 'debug',
        category: 'system',
        message: `Setting Node.js programming model to "${programmingModel.name}" version "${programmingModel.version}"`,
      });
    }
  },
  getProgrammingModel(): ProgrammingModel | undefined {
    return currentApp()?.programmingModel ?? lastProgrammingModel;
  },
  log(level: RpcLogLevel, category: RpcLogCategory, message: string): void {
    const app = currentApp();
    if (app) app.log({ level, category, message });
    else console.log(`[${level}] ${message}`);
  },
  Disposable,
};

let installed = false;

/**
 * Serves `@azure/functions-core` the way the Node worker does: a Proxy on
 * `Module.prototype.require` that answers exactly that request string. Idempotent.
 */
export function installCoreModule(): void {
  if (installed) return;
  installed = true;
  const proto = Module.prototype as { require: (id: string) => unknown };
  proto.require = new Proxy(proto.require, {
    apply(target, thisArg, args: unknown[]) {
      if (args[0] === '@azure/functions-core') return coreApi;
      return Reflect.apply(target, thisArg, args);
    },
  });
}

let startupQueue: Promise<unknown> = Promise.resolve();

/**
 * Runs one app's start-up with registration routed to it. Start-ups are serialised because
 * registration is process-global; the programming model is remembered across apps because the
 * library only sets it the first time it loads.
 */
export function runStartup<T>(app: AppRuntime, startup: () => Promise<T>): Promise<T> {
  const run = async (): Promise<T> => {
    startingApp = app;
    try {
      const result = await startup();
      app.programmingModel ??= lastProgrammingModel;
      runningApps.push(app);
      return result;
    } finally {
      startingApp = undefined;
    }
  };
  const result = startupQueue.then(run, run);
  startupQueue = result.catch(() => undefined);
  return result;
}

/** Stops routing core API calls to an app that has been closed. */
export function retireApp(app: AppRuntime): void {
  const index = runningApps.indexOf(app);
  if (index >= 0) runningApps.splice(index, 1);
}
