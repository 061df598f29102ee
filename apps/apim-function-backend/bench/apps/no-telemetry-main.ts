import { app } from '@azure/functions';
import { toHttpFunctionOptions } from '@cookbook/http-kit';

import { appRoutes } from '../../src/routes.js';

// The recipe's main.ts without the startTelemetry call: the baseline for "telemetry off adds nothing".
for (const route of appRoutes) app.http(route.name, toHttpFunctionOptions(route));
