const { app } = require('@azure/functions');
// Instrumentation libraries (e.g. @azure/monitor-opentelemetry) talk to the core module directly.
const core = require('@azure/functions-core');

// Tests read what the hooks saw from this process-wide list.
const events = (globalThis.__hookEvents = []);

app.hook.appStart((context) => {
  context.hookData.startedAt = 'app-start';
  events.push({ hook: 'appStart' });
});

core.registerHook('appStart', (context) => {
  events.push({ hook: 'core appStart', dir: context.functionAppDirectory });
});

app.hook.appTerminate((context) => {
  events.push({ hook: 'appTerminate', startedAt: context.hookData.startedAt });
  if (process.env.HOOKS_FIXTURE_ANNOUNCE) console.log('appTerminate hook ran');
});

app.hook.preInvocation((context) => {
  context.hookData.fromPre = 'shared';
  events.push({ hook: 'preInvocation', fn: context.invocationContext.functionName });
  const request = context.inputs[0];
  if (request.query.get('swap') === 'handler') {
    context.functionHandler = async () => ({ body: 'swapped by preInvocation' });
  }
  if (request.query.get('swap') === 'input') {
    context.inputs = [{ replaced: true }];
  }
});

app.hook.postInvocation((context) => {
  events.push({
    hook: 'postInvocation',
    fromPre: context.hookData.fromPre,
    error: context.error?.message,
  });
  if (context.error && context.error.message === 'recoverable') {
    context.error = null;
    context.result = { status: 202, body: 'recovered by postInvocation' };
  }
});

app.hook.log((context) => {
  if (context.category === 'user' && context.message.includes('secret')) {
    context.message = context.message.replace(/secret=\S+/, 'secret=***');
  }
});

app.http('hooked', {
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: async (request, context) => {
    context.log('handler ran with secret=hunter2');
    if (request.replaced) return { body: 'input was replaced' };
    if (request.query.get('fail') === 'recoverable') throw new Error('recoverable');
    if (request.query.get('fail') === 'fatal') throw new Error('fatal');
    return { body: 'handler result' };
  },
});
