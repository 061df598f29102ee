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
  const functionName = fn.metadata.name;
  const logContext: InvocationLogContext = { hookData: {}, invocationContext: undefined };
  const coreCtx: CoreInvocationContext = {
    invocationId: request.invocationId,
    request,
    metadata: fn.metadata,
    state: undefined as InvocationState | undefined,
    log(level: RpcLogLevel, category: RpcLogCategory, message: string): void {
      app.log({
        level,
        category,
        message,
        functionName,
        invocationId: request.invocationId,
        invocation: logContext,
      });
    },
  };

  const pendingModel = model.getInvocationModel(coreCtx);
  // Skip a microtask when the model is returned synchronously (the library does).
  const invocationModel = pendingModel instanceof Promise ? await pendingModel : pendingModel;
  const hookData: HookData = logContext.hookData;
  const { context, inputs } = await invocationModel.getArguments();
  logContext.invocationContext = context;

  const shared = { hookData, appHookData: app.appHookData, invocationContext: context };
  const preContext = new PreInvocationHookContext(shared, inputs, fn.callback);
  if (app.hasHooks('preInvocation')) {
    coreCtx.state = 'preInvocationHooks';
    try {
      await app.executeHooks('preInvocation', preContext);
    } finally {
      coreCtx.state = undefined;
    }
  }

  const postContext = new PostInvocationHookContext(shared, preContext.inputs);
  coreCtx.state = 'invocation';
  try {
    postContext.result = await invocationModel.invokeFunction(
      context,
      preContext.inputs,
      preContext.functionCallback,
    );
  } catch (error) {
    postContext.error = error;
  } finally {
    coreCtx.state = undefined;
  }

  if (app.hasHooks('postInvocation')) {
    coreCtx.state = 'postInvocationHooks';
    try {
      await app.executeHooks('postInvocation', postContext);
    } finally {
      coreCtx.state = undefined;
    }
  }
  if (postContext.error != null) throw postContext.error;
  return invocationModel.getResponse(context, postContext.result);
}
