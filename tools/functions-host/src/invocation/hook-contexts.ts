import type { FunctionCallback, HookData } from '../core/core-types.js';

function readOnly(name: string): never {
  throw new TypeError(`Cannot assign to read only property '${name}'.`);
}

interface Shared {
  hookData: HookData;
  appHookData: HookData;
  invocationContext: unknown;
}

/** preInvocation context: hookData/appHookData/invocationContext read-only; inputs and functionCallback writable. */
export class PreInvocationHookContext {
  constructor(
    private readonly shared: Shared,
    public inputs: unknown[],
    public functionCallback: FunctionCallback,
  ) {}
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

/** postInvocation context: like pre, plus writable result and error. */
export class PostInvocationHookContext {
  result: unknown = null;
  error: unknown = null;
  constructor(
    private readonly shared: Shared,
    public inputs: unknown[],
  ) {}
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
