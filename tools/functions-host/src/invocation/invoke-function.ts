import type { AppRuntime, InvocationLogContext, RegisteredFunction } from '../core/app-runtime.js';
import type {
  CoreInvocationContext,
  HookData,
  InvocationState,
  RpcInvocationRequest,
  RpcInvocationResponse,
  RpcLogCategory,
  RpcLogLevel,
} from '../core/core-types.js';
import { PostInvocationHookContext, PreInvocationHookContext } from './hook-contexts.js';

/** The worker's per-invocation core context; a class so `log` is not a new closure per request. */
class InvocationCoreContext implements CoreInvocationContext, InvocationLogContext {
  state: InvocationState | undefined = undefined;
  hookData: HookData = {};
  invocationContext: unknown = undefined;
  readonly invocationId: string;
  readonly metadata: RegisteredFunction['metadata'];

  constructor(
    private readonly app: AppRuntime,
    fn: RegisteredFunction,
    readonly request: RpcInvocationRequest & { invocationId: string },
  ) {
    this.invocationId = request.invocationId;
    this.metadata = fn.metadata;
  }

  log(level: RpcLogLevel, category: RpcLogCategory, message: string): void {
    this.app.log({
      level,
      category,
      message,
      functionName: this.metadata.name,
      invocationId: this.invocationId,
      invocation: this,
    });
  }
}

/**
 * Runs one invocation exactly like the worker's InvocationHandler: getInvocationModel →
 * getArguments → preInvocation hooks (inputs/functionCallback read back) → invokeFunction →
 * postInvocation hooks (may replace result/error) → getResponse. Errors are re-thrown after the
 * post hooks.
 */
export async function invokeFunction(
  app: AppRuntime,
  fn: RegisteredFunction,
  request: RpcInvocationRequest & { invocationId: string },
): Promise<RpcInvocationResponse> {
  const model = app.programmingModel;
  if (!model)
    throw new Error('No programming model was set: the app never loaded @azure/functions.');
  const coreCtx = new InvocationCoreContext(app, fn, request);

  const pendingModel = model.getInvocationModel(coreCtx);
  // Skip a microtask when the model is returned synchronously (the library does).
  const invocationModel = pendingModel instanceof Promise ? await pendingModel : pendingModel;
  const { context, inputs } = await invocationModel.getArguments();
  coreCtx.invocationContext = context;

  const hasPre = app.hasHooks('preInvocation');
  const hasPost = app.hasHooks('postInvocation');
  // Hook contexts only exist when a hook can see them; without hooks the worker's steps are no-ops.
  const shared =
    hasPre || hasPost
      ? { hookData: coreCtx.hookData, appHookData: app.appHookData, invocationContext: context }
      : null;
  let callInputs = inputs;
  let callback = fn.callback;
  if (shared && hasPre) {
    const preContext = new PreInvocationHookContext(shared, inputs, fn.callback);
    coreCtx.state = 'preInvocationHooks';
    try {
      await app.executeHooks('preInvocation', preContext);
    } finally {
      coreCtx.state = undefined;
    }
    callInputs = preContext.inputs;
    callback = preContext.functionCallback;
  }

  let result: unknown = null;
  let error: unknown = null;
  coreCtx.state = 'invocation';
  try {
    result = await invocationModel.invokeFunction(context, callInputs, callback);
  } catch (caught) {
    error = caught;
  } finally {
    coreCtx.state = undefined;
  }

  if (shared && hasPost) {
    const postContext = new PostInvocationHookContext(shared, callInputs);
    postContext.result = result;
    postContext.error = error;
    coreCtx.state = 'postInvocationHooks';
    try {
      await app.executeHooks('postInvocation', postContext);
    } finally {
      coreCtx.state = undefined;
    }
    result = postContext.result;
    error = postContext.error;
  }
  if (error != null) throw error;
  return invocationModel.getResponse(context, result);
}
