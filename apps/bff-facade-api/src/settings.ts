import * as z from 'zod';

const serviceUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const milliseconds = z.coerce.number().int().min(50).max(60_000);

/** App settings the recipe reads; IaC sets the URLs in Azure, `nx serve` points them at local stubs. */
export const DashboardSettingsSchema = z.object({
  PROFILE_SERVICE_URL: serviceUrl,
  ORDERS_SERVICE_URL: serviceUrl,
  RECOMMENDATIONS_SERVICE_URL: serviceUrl,
  PROFILE_TIMEOUT_MS: milliseconds.default(1000),
  ORDERS_TIMEOUT_MS: milliseconds.default(800),
  RECOMMENDATIONS_TIMEOUT_MS: milliseconds.default(500),
  DASHBOARD_DEADLINE_MS: milliseconds.default(1500),
});
export type DashboardSettings = z.output<typeof DashboardSettingsSchema>;

/** The setting names, for error messages and IaC checks. */
export const DASHBOARD_SETTING_NAMES = Object.keys(DashboardSettingsSchema.shape);

/** Reads the settings; a missing or malformed one throws an error that names it and says what to do. */
export function readDashboardSettings(env: NodeJS.ProcessEnv = process.env): DashboardSettings {
  const values = Object.fromEntries(
    DASHBOARD_SETTING_NAMES.map((name) => [name, env[name] === '' ? undefined : env[name]]),
  );
  const result = DashboardSettingsSchema.safeParse(values);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new Error(
    `bff-facade-api settings are invalid (${problems.join('; ')}). In Azure the IaC sets them; ` +
      'locally `npx nx serve bff-facade-api` starts stub services and sets them for you.',
  );
}
