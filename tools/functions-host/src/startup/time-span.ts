const TIME_SPAN = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,7}))?)?$/;
const DAYS_ONLY = /^(-)?(\d+)$/;
const MS = { second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;

/**
 * Parses a .NET TimeSpan the way `TimeSpan.Parse(value, InvariantCulture)` reads host.json:
 * `[-][d.]hh:mm[:ss[.fffffff]]`, or a bare number of days. Returns milliseconds, or undefined.
 */
export function parseTimeSpan(text: string): number | undefined {
  const days = DAYS_ONLY.exec(text.trim());
  if (days) return (days[1] ? -1 : 1) * Number(days[2]) * MS.day;
  const match = TIME_SPAN.exec(text.trim());
  if (!match) return undefined;
  const [, minus, d = '0', h = '0', m = '0', s = '0', fraction = ''] = match;
  if (Number(h) > 23 || Number(m) > 59 || Number(s) > 59) return undefined;
  const ms =
    Number(d) * MS.day +
    Number(h) * MS.hour +
    Number(m) * MS.minute +
    Number(s) * MS.second +
    Math.round(Number(`0.${fraction || '0'}`) * 1000);
  return minus ? -ms : ms;
}

/** TimeSpan's constant ("c") format, as the host prints timeouts: `[d.]hh:mm:ss[.fff]`. */
export function formatTimeSpan(ms: number): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  const days = Math.floor(ms / MS.day);
  const hours = Math.floor((ms % MS.day) / MS.hour);
  const minutes = Math.floor((ms % MS.hour) / MS.minute);
  const seconds = Math.floor((ms % MS.minute) / MS.second);
  const millis = ms % MS.second;
  return `${days > 0 ? `${days}.` : ''}${pad(hours)}:${pad(minutes)}:${pad(seconds)}${
    millis > 0 ? `.${String(millis).padStart(3, '0')}0000` : ''
  }`;
}
