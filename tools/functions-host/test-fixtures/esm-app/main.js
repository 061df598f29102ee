import functions from '@azure/functions';

const { app } = functions;

app.get('esm-hello', {
  route: 'hello/{name:alpha}',
  authLevel: 'anonymous',
  handler: async (request) => ({ body: `ESM says hi to ${request.params.name}` }),
});
