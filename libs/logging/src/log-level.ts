const LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LEVELS)[number];

/** Reads LOG_LEVEL, falling back to `info` for unknown values. */
export function logLevelFromEnv(value: string | undefined): LogLevel {
  const level = value?.trim().toLowerCase();
  return LEVELS.find((known) => known === level) ?? 'info';
}
