const { app } = require('@azure/functions');

for (const authLevel of ['anonymous', 'function', 'admin']) {
  app.http(`level-${authLevel}`, {
    methods: ['GET'],
    authLevel,
    handler: async () => ({ body: `${authLevel} ok` }),
  });
}

app.http('switched-off', {
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: async () => ({ body: 'should be disabled' }),
});
