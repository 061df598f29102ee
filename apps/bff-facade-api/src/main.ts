import { app } from '@azure/functions';
import { toHttpFunctionOptions } from '@cookbook/http-kit';
import { startTelemetry } from '@cookbook/logging';

import { appDownstreams } from './downstreams.js';
import { appRoutes } from './routes.js';

await startTelemetry();
// Fail at start-up, naming the setting, rather than on the first request.
appDownstreams();

for (const route of appRoutes) app.http(route.name, toHttpFunctionOptions(route));
