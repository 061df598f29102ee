import { app } from '@azure/functions';
import { toHttpFunctionOptions } from '@cookbook/http-kit';
import { startTelemetry } from '@cookbook/logging';

import { appRoutes } from './routes.js';

// Stream mode: bodies flow both ways as they are produced, instead of being buffered whole.
app.setup({ enableHttpStream: true });

await startTelemetry();

for (const route of appRoutes) app.http(route.name, toHttpFunctionOptions(route));
