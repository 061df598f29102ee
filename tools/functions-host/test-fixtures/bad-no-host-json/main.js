const { app } = require('@azure/functions');

app.http('hello', {
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: async (request) => {
    const name = request.query.get('name') || 'World';
    return { body: `Hello, ${name}!`, headers: { 'content-type': 'text/plain; charset=utf-8' } };
  },
});
