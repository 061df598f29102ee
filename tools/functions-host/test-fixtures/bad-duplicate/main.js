const { app } = require('@azure/functions');

app.get('orders', { handler: async () => ({ body: 'first' }) });
app.post('orders', { handler: async () => ({ body: 'second' }) });
