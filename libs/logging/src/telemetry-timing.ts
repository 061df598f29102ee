import { AsyncResource } from 'node:async_hooks';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

interface Disposable {
  dispose(): void;
}

interface FunctionsCore {
  registerHook(hookName: 'postInvocation', callback: () => void): Disposable;
}

/** A task that runs after the app's first invocation, or never if cancelled first. */
export interface DeferredTask {
  /** The task's result; `false` if it was cancelled before it began. */
  done: Promise<boolean>;
  cancel(): void;
}

// The Node worker answers this name from any require (it is not a package); elsewhere it throws.
function functionsCore(): FunctionsCore | undefined {
  try {
    const require = createRequire(pathToFileURL(`${process.cwd()}/`).href);
    return require('@azure/functions-core') as FunctionsCore;
  } catch {
    return undefined;
  }
}

/**
 * Inside an Azure Functions worker, runs `task` once the first invocation of the app has run
 * its postInvocation hooks, on a later event-loop turn: the worker sends that invocation's
 * response first. Returns `undefined` outside a worker, where there is no first invocation.
 */
export function afterFirstInvocation(task: () => Promise<boolean>): DeferredTask | undefined {
  const core = functionsCore();
  if (!core) return undefined;
  let cancelled = false;
  let settle: (result: boolean | Promise<boolean>) => void = () => undefined;
  const done = new Promise<boolean>((resolveDone) => {
    settle = resolveDone;
  });
  // run in the context of start-up, not in the invocation whose hook triggered it
  const run = AsyncResource.bind(() => settle(cancelled ? false : task()));
  let hook: Disposable | undefined;
  try {
    hook = core.registerHook('postInvocation', () => {
      hook?.dispose();
      setImmediate(run);
    });
  } catch {
    // no app is starting or running (a tool that loads the core module): nothing to wait for
    return undefined;
  }
  return {
    done,
    cancel() {
      cancelled = true;
      hook?.dispose();
      settle(false);
    },
  };
}
