const { app } = require('@azure/functions');

app.get('unclosed', { route: 'items/{id', handler: async () => ({ body: 'x' }) });
