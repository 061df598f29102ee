/** An Entra ID access token as the Azure SDK clients take it (`@azure/core-auth` AccessToken). */
interface AccessToken {
  token: string;
  expiresOnTimestamp: number;
}

// Refresh this long before expiry so a request never starts with a token about to lapse.
const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * The function app's managed identity, from the App Service identity endpoint the platform sets
 * (`IDENTITY_ENDPOINT`, `IDENTITY_HEADER`). `@azure/identity`'s ManagedIdentityCredential does the
 * same with retries and more hosts; this recipe keeps to what Functions on Azure provides.
 */
export function managedIdentityCredential(clientId?: string, env = process.env) {
  let cached: AccessToken | undefined;
  return {
    async getToken(scopes: string | string[]): Promise<AccessToken> {
      if (cached && cached.expiresOnTimestamp - REFRESH_MARGIN_MS > Date.now()) return cached;
      const { IDENTITY_ENDPOINT: endpoint, IDENTITY_HEADER: secret } = env;
      if (!endpoint || !secret) {
        throw new Error('No managed identity endpoint (IDENTITY_ENDPOINT) in this environment.');
      }
      const scope = Array.isArray(scopes) ? (scopes[0] ?? '') : scopes;
      const url = new URL(endpoint);
      url.searchParams.set('api-version', '2019-08-01');
      url.searchParams.set('resource', scope.replace(/\/\.default$/, ''));
      if (clientId) url.searchParams.set('client_id', clientId);
      const response = await fetch(url, { headers: { 'X-IDENTITY-HEADER': secret } });
      if (!response.ok) throw new Error(`Managed identity endpoint answered ${response.status}.`);
      const body = (await response.json()) as { access_token: string; expires_on: string };
      cached = { token: body.access_token, expiresOnTimestamp: Number(body.expires_on) * 1000 };
      return cached;
    },
  };
}
