const { app } = require('@azure/functions');

app.http('echo', {
  methods: ['GET', 'POST', 'PUT'],
  route: 'echo/{id?}',
  authLevel: 'anonymous',
  handler: async (request, context) => {
    context.log('echo called for', request.method);
    context.warn('a warning');
    const bytes = Buffer.from(await request.arrayBuffer());
    return {
      jsonBody: {
        method: request.method,
        url: request.url,
        headers: Object.fromEntries(request.headers.entries()),
        query: Object.fromEntries(request.query.entries()),
        tagAll: request.query.getAll('tag'),
        params: request.params,
        bodyText: bytes.toString('utf8'),
        bodyLength: bytes.length,
        invocationId: context.invocationId,
        functionName: context.functionName,
        traceContext: context.traceContext,
        env: {
          greeting: process.env.KITCHEN_GREETING,
          overridden: process.env.KITCHEN_OVERRIDDEN,
        },
      },
    };
  },
});
