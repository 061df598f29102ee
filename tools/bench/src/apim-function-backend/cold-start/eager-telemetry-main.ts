import { startTelemetry } from '@cookbook/logging';

import { registerCatalog } from '../apps/register-catalog.js';

// The recipe-shaped bench app with the opt-out: Azure Monitor is imported before the app serves,
// as every recipe did before the import was deferred to after the first invocation.
await startTelemetry(process.env, {}, { deferUntilFirstInvocation: false });
registerCatalog();
