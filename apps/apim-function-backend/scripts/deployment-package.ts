import { createRequire } from 'node:module';

/**
 * Packages the bundle loads at runtime instead of containing them (lazy telemetry, Swagger UI
 * files). They are the only dependencies of the deployment package.
 */
export const RUNTIME_PACKAGES: readonly string[] = [
  '@azure/monitor-opentelemetry',
  'swagger-ui-dist',
];

const require = createRequire(import.meta.url);

/** The package.json of the deployment folder: the bundle as entry, installed versions pinned. */
export function deploymentPackageJson(name: string): Record<string, unknown> {
  const dependencies = Object.fromEntries(
    RUNTIME_PACKAGES.map((pkg) => {
      const { version } = require(`${pkg}/package.json`) as { version: string };
      return [pkg, version];
    }),
  );
  return {
    name,
    version: '1.0.0',
    private: true,
    type: 'module',
    main: 'dist/main.js',
    dependencies,
  };
}
