import { app } from '@azure/functions';
import { toHttpFunctionOptions } from '@cookbook/http-kit';
import { startTelemetry } from '@cookbook/logging';

import { appRoutes } from './routes.js';

await startTelemetry();

for (const route of appRoutes) app.http(route.name, toHttpFunctionOptions(route));
