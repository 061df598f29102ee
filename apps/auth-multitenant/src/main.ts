import { app } from '@azure/functions';
import { toHttpFunctionOptions } from '@cookbook/http-kit';
import { startTelemetry } from '@cookbook/logging';

import { appRoutes } from './routes.js';
import { tenantSettings } from './tenant-settings.js';

// Fail at start-up, not on the first request: a malformed ALLOWED_TENANT_IDS stops the app here.
tenantSettings();
await startTelemetry();

for (const route of appRoutes) app.http(route.name, toHttpFunctionOptions(route));
