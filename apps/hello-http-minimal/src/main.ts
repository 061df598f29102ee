import { app } from '@azure/functions';

import { hello } from './functions/hello.js';

app.http('hello', {
  methods: ['GET'],
  authLevel: 'anonymous',
  route: 'hello',
  handler: hello,
});
