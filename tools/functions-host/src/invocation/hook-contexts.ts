import type { FunctionCallback, HookData } from '../core/core-types.js';

function readOnly(name: string): never {
  throw new TypeError(`Cannot assign to read only property '${name}'.`);
}

interface Shared {
  hookData: HookData;
  appHookData: HookData;
  invocationContext: unknown;
}

/** The fields every invocation hook context shares; the worker exposes them read-only. */
abstract class InvocationHookContext {
  constructor(private readonly shared: Shared) {}
  get hookData(): HookData {
    return this.shared.hookData;
  }
  set hookData(_value: HookData) {
    readOnly('hookData');
  }
  get appHookData(): HookData {
    return this.shared.appHookData;
  }
  set appHookData(_value: HookData) {
    readOnly('appHookData');
  }
  get invocationContext(): unknown {
    return this.shared.invocationContext;
  }
  set invocationContext(_value: unknown) {
    readOnly('invocationContext');
  }
}

/** preInvocation context: inputs and functionCallback writable. */
export class PreInvocationHookContext extends InvocationHookContext {
  constructor(
    shared: Shared,
    public inputs: unknown[],
    public functionCallback: FunctionCallback,
  ) {
    super(shared);
  }
}

/** postInvocation context: inputs, result and error writable. */
export class PostInvocationHookContext extends InvocationHookContext {
  result: unknown = null;
  error: unknown = null;
  constructor(
    shared: Shared,
    public inputs: unknown[],
  ) {
    super(shared);
  }
}
