import { startTelemetry } from '@cookbook/logging';

import { registerCatalog } from './register-catalog.js';

// Shaped like the recipe's main.ts: telemetry first (off without a connection string), then routes.
await startTelemetry();
registerCatalog();
