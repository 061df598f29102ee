import type { GatewayConfig } from './gateway-config-schema.js';

export interface DevIssuerEndpoints {
  openidConfigUrl: string;
  jwksUrl: string;
}

export interface NamedValueResult {
  /** The names that resolved (all of them when `problems` is empty). */
  values: Map<string, string>;
  secrets: Set<string>;
  problems: string[];
}

/** Resolves `env:VAR` and `dev-issuer:*` references; named values may not reference each other. */
export function resolveNamedValues(
  config: GatewayConfig,
  env: Record<string, string | undefined>,
  devIssuer: DevIssuerEndpoints,
): NamedValueResult {
  const values = new Map<string, string>();
  const secrets = new Set<string>();
  const problems: string[] = [];
  for (const [name, entry] of Object.entries(config.namedValues)) {
    const resolved = resolveOne(name, entry, env, devIssuer);
    if (typeof resolved === 'string' && resolved.includes('{{')) {
      problems.push(
        `named value "${name}" references another named value, which APIM does not allow`,
      );
    } else if (typeof resolved === 'string') {
      values.set(name, resolved);
      if (typeof entry === 'object' && entry.secret) secrets.add(name);
      if (typeof entry === 'object' && entry.env) secrets.add(name);
      if (typeof entry === 'string' && entry.startsWith('env:')) secrets.add(name);
    } else {
      problems.push(resolved.problem);
    }
  }
  return { values, secrets, problems };
}

function resolveOne(
  name: string,
  entry: GatewayConfig['namedValues'][string],
  env: Record<string, string | undefined>,
  devIssuer: DevIssuerEndpoints,
): string | { problem: string } {
  if (typeof entry === 'object') {
    if (entry.value !== undefined) return entry.value;
    const fromEnv = env[entry.env ?? ''];
    if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
    if (entry.default !== undefined) return entry.default;
    return {
      problem: `named value "${name}" needs environment variable ${entry.env}, which is not set`,
    };
  }
  if (entry.startsWith('env:')) {
    const variable = entry.slice('env:'.length);
    const fromEnv = env[variable];
    if (fromEnv === undefined || fromEnv === '') {
      return {
        problem: `named value "${name}" needs environment variable ${variable}, which is not set`,
      };
    }
    return fromEnv;
  }
  if (entry === 'dev-issuer:openid-config-url') return devIssuer.openidConfigUrl;
  if (entry === 'dev-issuer:jwks-url') return devIssuer.jwksUrl;
  if (entry.startsWith('dev-issuer:')) {
    return {
      problem: `named value "${name}": unknown reference "${entry}" (use dev-issuer:openid-config-url or dev-issuer:jwks-url)`,
    };
  }
  return entry;
}

const REFERENCE = /\{\{([^{}]*)\}\}/g;

/** Replaces every `{{name}}`; returns the unknown names instead of guessing. */
export function substituteNamedValues(
  text: string,
  values: ReadonlyMap<string, string>,
): { text: string; unknown: string[] } {
  const unknown: string[] = [];
  const replaced = text.replace(REFERENCE, (whole, name: string) => {
    const value = values.get(name.trim());
    if (value === undefined) {
      unknown.push(name);
      return whole;
    }
    return value;
  });
  return { text: replaced, unknown };
}
