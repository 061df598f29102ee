/** `json`: one JSON object per line. `pretty`: `[Information] message key=value` for people. */
export type LogFormat = 'json' | 'pretty';

/** Reads LOG_FORMAT; without it, pretty only when a person is watching a terminal. */
export function logFormatFromEnv(value: string | undefined, isTerminal: boolean): LogFormat {
  const format = value?.trim().toLowerCase();
  if (format === 'json' || format === 'pretty') return format;
  return isTerminal ? 'pretty' : 'json';
}
