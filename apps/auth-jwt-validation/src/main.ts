import { app } from '@azure/functions';
import { toHttpFunctionOptions } from '@cookbook/http-kit';
import { startTelemetry } from '@cookbook/logging';

import { readAuthSettings } from './auth-settings.js';
import { appRoutes } from './routes.js';

// Fail at start-up, not on the first request, when the authority or audience is missing.
readAuthSettings(process.env);
await startTelemetry();

for (const route of appRoutes) app.http(route.name, toHttpFunctionOptions(route));
