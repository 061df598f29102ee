import type { Logger } from 'pino';

import { createLogger } from './create-logger.js';

let processLogger: Logger | undefined;

/**
 * The process-wide logger, created on first use from `LOG_LEVEL` and `LOG_FORMAT`.
 * Inside {@link runWithLogContext} its lines carry the context and go to the scope's sink.
 *
 * @example
 * getLogger().info({ item_id: 42 }, 'Handled APIM backend request');
 */
export function getLogger(): Logger {
  processLogger ??= createLogger();
  return processLogger;
}

/** Forgets the process logger so the next {@link getLogger} re-reads the environment. */
export function resetLogger(): void {
  processLogger = undefined;
}
