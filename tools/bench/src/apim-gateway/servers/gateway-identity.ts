import type { MintTokenOptions } from '@cookbook/apim-gateway';

import { benchGatewayConfig } from './gateway-config.js';

/** The subscription key and token claims the recipe's policy accepts (from its gateway config). */
export async function benchGatewayIdentity(): Promise<{
  subscriptionKey: string;
  tokenOptions: Omit<MintTokenOptions, 'key'>;
}> {
  const config = await benchGatewayConfig();
  const named = (name: string): string => {
    const value = config.namedValues?.[name];
    if (typeof value !== 'string') throw new Error(`named value ${name} is not a literal`);
    return value;
  };
  const substitute = (text: string): string =>
    text.replace(/\{\{([^}]+)\}\}/g, (_, name: string) => named(name));
  const subscriptionKey = config.subscriptions?.[0]?.key;
  if (!subscriptionKey) throw new Error('the recipe config has no subscription');
  return {
    subscriptionKey,
    tokenOptions: {
      issuer: substitute(config.devIssuer?.issuer ?? ''),
      audience: substitute(config.devIssuer?.audience ?? ''),
      subject: 'bench-client',
    },
  };
}
