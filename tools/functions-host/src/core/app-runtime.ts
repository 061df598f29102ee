import { StartupError } from '../startup/startup-error.js';
import type {
  FunctionCallback,
  FunctionMetadata,
  HookCallback,
  HookData,
  ProgrammingModel,
  RpcFunctionMetadata,
  RpcLogCategory,
  RpcLogLevel,
} from './core-types.js';
import { Disposable } from './disposable.js';
import {
  type HostLogEntry,
  type HostLogLevel,
  type HostLogSink,
  isLevelEnabled,
} from './host-log.js';
import { defineReadOnly } from './read-only.js';
import { sanitizeLogMessage } from './sanitize-log-message.js';

export interface RegisteredFunction {
  functionId: string;
  metadata: RpcFunctionMetadata & { name: string };
  callback: FunctionCallback;
}

/** What a log hook sees while an invocation is running (worker InvocationLogContext). */
export interface InvocationLogContext {
  hookData: HookData;
  invocationContext: unknown;
}

export interface LogInput {
  level: RpcLogLevel;
  category: RpcLogCategory | 'host';
  message: string;
  functionName?: string;
  invocationId?: string;
  invocation?: InvocationLogContext;
}

export const STARTUP_ONLY_MESSAGE = 'A function can only be registered during app startup.';

/**
 * One app inside the host: the state the Node worker keeps per app (functions, hooks,
 * hook data, programming model) plus the sink its logs go to.
 */
export class AppRuntime {
  readonly functions: Map<string, RegisteredFunction> = new Map();
  readonly appHookData: HookData = {};
  readonly appLevelOnlyHookData: HookData = {};
  programmingModel: ProgrammingModel | undefined;
  currentEntryPoint: string | undefined;
  #hooks = new Map<string, HookCallback[]>();
  #locked = false;

  constructor(
    readonly appDir: string,
    private readonly sink: HostLogSink,
  ) {}

  get locked(): boolean {
    return this.#locked;
  }

  lock(): void {
    this.#locked = true;
  }

  registerFunction(metadata: FunctionMetadata, callback: FunctionCallback): Disposable {
    if (this.#locked) throw new Error(STARTUP_ONLY_MESSAGE);
    const functionId = metadata.functionId ?? metadata.name;
    if (!functionId) throw new Error('A function must have a name to be registered.');
    if (this.functions.has(functionId)) {
      const source = this.currentEntryPoint ? ` (while loading "${this.currentEntryPoint}")` : '';
      throw new StartupError(
        `A function with the name "${functionId}" was already registered${source}. Function names must be unique within an app: rename one of the app.http("${functionId}", ...) calls.`,
      );
    }
    const rawBindings = Object.entries(metadata.bindings).map(([name, binding]) =>
      JSON.stringify({ ...binding, name }),
    );
    this.functions.set(functionId, {
      functionId,
      callback,
      metadata: {
        name: metadata.name || functionId,
        functionId,
        bindings: metadata.bindings,
        rawBindings,
        retryOptions: metadata.retryOptions,
        scriptFile: this.currentEntryPoint ?? 'n/a',
        directory: this.appDir,
      },
    });
    return new Disposable(() => {
      if (this.#locked) throw new Error('A function can only be disposed during app startup.');
      this.functions.delete(functionId);
    });
  }

  registerHook(name: string, callback: HookCallback): Disposable {
    const hooks = this.#hooks.get(name) ?? [];
    hooks.push(callback);
    this.#hooks.set(name, hooks);
    return new Disposable(() => {
      const index = hooks.indexOf(callback);
      if (index >= 0) hooks.splice(index, 1);
    });
  }

  hasHooks(name: string): boolean {
    return (this.#hooks.get(name)?.length ?? 0) > 0;
  }

  /** Runs hooks in registration order, awaiting each one (worker executeHooks). */
  async executeHooks(name: string, context: object): Promise<void> {
    const hooks = this.#hooks.get(name);
    if (!hooks || hooks.length === 0) return;
    for (const hook of [...hooks]) await (hook as (c: object) => unknown)(context);
  }

  /** False when the sink would drop this level: callers may skip formatting the message. */
  isLogEnabled(level: RpcLogLevel): boolean {
    const minimum = this.sink.minimumLevel;
    return minimum === undefined || isLevelEnabled(level, minimum);
  }

  /** Runs log hooks like the worker: they may rewrite level and message of user logs only. */
  log(input: LogInput): void {
    let { level, message } = input;
    const hooks = this.#hooks.get('log');
    if (hooks && hooks.length > 0 && input.category !== 'host') {
      const context = defineReadOnly(
        { level, message } as { level: RpcLogLevel; message: string },
        {
          category: () => input.category,
          hookData: () => input.invocation?.hookData ?? {},
          appHookData: () => this.appHookData,
          invocationContext: () => input.invocation?.invocationContext,
        },
      );
      try {
        for (const hook of hooks) (hook as (c: object) => unknown)(context);
        if (input.category === 'user') {
          level = context.level;
          message = context.message;
        }
      } catch {
        // A throwing user hook must not swallow the log line (same as the worker).
      }
    }
    if (level === 'none' || !this.isLogEnabled(level)) return;
    const entry: HostLogEntry = {
      time: new Date(),
      level: level as HostLogLevel,
      category: input.category,
      // The console sink sanitizes when it prints, after the response is written.
      message: this.sink.sanitizesLater
        ? String(message)
        : sanitizeLogMessage(message, input.category),
    };
    if (input.functionName) entry.functionName = input.functionName;
    if (input.invocationId) entry.invocationId = input.invocationId;
    this.sink(entry);
  }
}
