import { registerCatalog } from './register-catalog.js';

// telemetry-main.ts without the startTelemetry call: the baseline for "telemetry off adds nothing".
registerCatalog();
