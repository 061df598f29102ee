import { app, HttpResponse } from '@azure/functions';
import { greet } from '@fixture/greeting';

app.http('greet', {
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: async (request) =>
    new HttpResponse({ body: greet(request.query.get('name') ?? 'bundle') }),
});

// Heavy optional dependency, loaded only when configured: must stay outside the bundle.
export async function loadTelemetry(): Promise<unknown> {
  return import('@azure/monitor-opentelemetry');
}
