import Module, { createRequire } from 'node:module';
import { join } from 'node:path';

import type {
  FunctionCallback,
  FunctionMetadata,
  ProgrammingModel,
} from '../src/core/core-types.js';

interface MinimalApp {
  model: ProgrammingModel;
  metadata: FunctionMetadata;
  callback: FunctionCallback;
}

/** The least a host must do to run a v4 app: answer @azure/functions-core and capture one function. */
export async function loadMinimalApp(appDir: string): Promise<MinimalApp> {
  let model: ProgrammingModel | undefined;
  let registered: { metadata: FunctionMetadata; callback: FunctionCallback } | undefined;
  const core = {
    registerFunction: (metadata: FunctionMetadata, callback: FunctionCallback) => {
      registered = { metadata, callback };
      return { dispose: () => undefined };
    },
    setProgrammingModel: (value: ProgrammingModel) => (model = value),
    registerHook: () => ({ dispose: () => undefined }),
    log: () => undefined,
  };
  const proto = Module.prototype as { require: (id: string) => unknown };
  proto.require = new Proxy(proto.require, {
    apply: (target, thisArg, args: unknown[]) =>
      args[0] === '@azure/functions-core' ? core : Reflect.apply(target, thisArg, args),
  });
  createRequire(import.meta.url)(join(appDir, 'main.js'));
  if (!model || !registered) throw new Error(`${appDir} registered no function.`);
  return { model, ...registered };
}
