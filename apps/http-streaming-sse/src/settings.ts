import * as z from 'zod';

const milliseconds = (fallback: number, max: number) =>
  z.coerce.number().int().min(0).max(max).default(fallback);

const SettingsSchema = z.object({
  /** Quiet time before a `: heartbeat` comment; 15 s keeps proxies and load balancers from closing. */
  SSE_HEARTBEAT_MS: milliseconds(15_000, 120_000),
  /** `retry:` sent first: how long a client waits before it reconnects with Last-Event-ID. */
  SSE_RETRY_MS: milliseconds(3_000, 60_000),
  /** Largest upload hashed; larger bodies get 413 as soon as they pass it. */
  UPLOAD_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 40)
    .default(100 * 1024 * 1024),
});

/** The app settings this recipe reads (all optional). */
export type Settings = z.output<typeof SettingsSchema>;

/** Reads the settings once; a bad value stops the app at startup with the setting's name. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const parsed = SettingsSchema.safeParse({
    SSE_HEARTBEAT_MS: env['SSE_HEARTBEAT_MS'] || undefined,
    SSE_RETRY_MS: env['SSE_RETRY_MS'] || undefined,
    UPLOAD_LIMIT_BYTES: env['UPLOAD_LIMIT_BYTES'] || undefined,
  });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new Error(`Invalid app settings: ${problems.join('; ')}`);
}

/** This instance's settings. */
export const settings: Settings = readSettings();
