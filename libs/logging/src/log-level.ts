/** Severity of one log line; also what a {@link LogSink} receives. */
export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** A logger threshold: any {@link LogLevel}, or `silent` to drop everything. */
export type LogLevelSetting = LogLevel | 'silent';

const SETTINGS: readonly LogLevelSetting[] = [
  'trace',
  'debug',
  'info',
  'warn',
  'error',
  'fatal',
  'silent',
];

const PINO_LEVELS: Readonly<Record<number, LogLevel>> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

/** Reads LOG_LEVEL, falling back to `info` for unknown values. */
export function logLevelFromEnv(value: string | undefined): LogLevelSetting {
  const level = value?.trim().toLowerCase();
  return SETTINGS.find((known) => known === level) ?? 'info';
}

/** Maps a pino level number to its label; custom numbers fall to the nearest lower level. */
export function levelFromNumber(value: number): LogLevel {
  const exact = PINO_LEVELS[value];
  if (exact) return exact;
  if (value >= 60) return 'fatal';
  const floor = Math.max(10, Math.floor(value / 10) * 10);
  return PINO_LEVELS[floor] ?? 'trace';
}
