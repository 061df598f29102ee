const { app, HttpResponse } = require('@azure/functions');

app.http('cookies', {
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: async () =>
    new HttpResponse({
      status: 201,
      body: 'with cookies',
      headers: { 'x-custom': 'yes' },
      cookies: [
        {
          name: 'session',
          value: 'abc',
          httpOnly: true,
          secure: true,
          sameSite: 'Lax',
          maxAge: 60,
        },
        { name: 'theme', value: 'dark', path: '/app' },
      ],
    }),
});

app.http('no-content', {
  methods: ['DELETE'],
  authLevel: 'anonymous',
  handler: async () => ({ status: 204 }),
});

app.http('no-return', {
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: async () => undefined,
});

app.http('override-header', {
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: async () => ({ body: 'x', headers: { 'x-content-type-options': 'function-value' } }),
});
