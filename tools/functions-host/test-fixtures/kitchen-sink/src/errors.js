const { app } = require('@azure/functions');

app.http('boom', {
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: async (_request, context) => {
    context.error('about to fail');
    throw new Error('kaboom: database unreachable');
  },
});

app.http('late-registration', {
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: async () => {
    try {
      app.http('too-late', { handler: async () => ({ body: 'never' }) });
      return { body: 'registered' };
    } catch (error) {
      return { status: 500, body: error.message };
    }
  },
});
