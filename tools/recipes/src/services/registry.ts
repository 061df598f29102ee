import type { LocalService } from './local-service.js';

/** Every local service by the name recipes use in `local.services`; one file per service beside this one. */
export const LOCAL_SERVICES: Readonly<Record<string, LocalService>> = {};
