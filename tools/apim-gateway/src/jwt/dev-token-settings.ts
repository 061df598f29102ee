import { resolve } from 'node:path';

import { resolveNamedValues, substituteNamedValues } from '../config/named-values.js';
import type { LoadedConfig } from '../config/read-gateway-config.js';
import { GatewayLoadError } from '../xml/load-error.js';
import {
  DEFAULT_DEV_AUDIENCE,
  DEFAULT_DEV_ISSUER,
  DEFAULT_DEV_KEY_DIRECTORY,
} from './dev-issuer.js';

export interface DevTokenSettings {
  issuer: string;
  audience: string;
  subject: string;
  expiresInSeconds: number;
  keyDirectory: string;
}

/** What `token` needs from local-gateway.json; unrelated named values (e.g. unset env secrets) do not matter. */
export function devTokenSettings(
  loaded: LoadedConfig | undefined,
  env: Record<string, string | undefined>,
): DevTokenSettings {
  if (!loaded) {
    return {
      issuer: DEFAULT_DEV_ISSUER,
      audience: DEFAULT_DEV_AUDIENCE,
      subject: 'local-developer',
      expiresInSeconds: 3600,
      keyDirectory: DEFAULT_DEV_KEY_DIRECTORY,
    };
  }
  const { config, file, baseDir } = loaded;
  const { values } = resolveNamedValues(config, env, { openidConfigUrl: '', jwksUrl: '' });
  const substitute = (text: string, where: string): string => {
    const result = substituteNamedValues(text, values);
    if (result.unknown.length > 0) {
      throw new GatewayLoadError(
        file,
        where,
        `cannot resolve ${result.unknown.map((n) => `{{${n}}}`).join(', ')}`,
      );
    }
    return result.text;
  };
  const dev = config.devIssuer;
  return {
    issuer: substitute(dev.issuer ?? DEFAULT_DEV_ISSUER, 'devIssuer.issuer'),
    audience: substitute(dev.audience ?? DEFAULT_DEV_AUDIENCE, 'devIssuer.audience'),
    subject: dev.subject ?? 'local-developer',
    expiresInSeconds: dev.tokenLifetimeSeconds ?? 3600,
    keyDirectory: dev.keyDirectory ? resolve(baseDir, dev.keyDirectory) : DEFAULT_DEV_KEY_DIRECTORY,
  };
}
