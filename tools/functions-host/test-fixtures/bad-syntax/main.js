const { app } = require('@azure/functions');

app.http('broken', {
  handler: async () => ({ body: 'unreachable' }
});
