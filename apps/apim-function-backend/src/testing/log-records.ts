/** A structured log line as the app writes it (pino JSON). */
export type LogRecord = Record<string, unknown>;

/** The JSON lines among host log messages (user logs); host chatter is skipped. */
export function logRecords(entries: readonly { message: string }[]): LogRecord[] {
  return entries.flatMap((entry) => {
    if (!entry.message.startsWith('{')) return [];
    try {
      const parsed: unknown = JSON.parse(entry.message);
      return typeof parsed === 'object' && parsed !== null ? [parsed as LogRecord] : [];
    } catch {
      return [];
    }
  });
}
