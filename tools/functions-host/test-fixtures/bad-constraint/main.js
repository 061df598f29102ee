const { app } = require('@azure/functions');

app.get('typo', { route: 'items/{id:integer}', handler: async () => ({ body: 'x' }) });
