import { describe, expect, it } from 'vitest';

import { catalogRequest, TEST_HOST_KEY } from '../testing/catalog-host-settings.js';
import { useCatalogHost } from '../testing/use-catalog-host.js';

const FUNCTION_KEY = 'test-function-key-getCatalogItem';
const catalog = useCatalogHost({ functionKeys: { getCatalogItem: FUNCTION_KEY } });

describe('authLevel "function": only APIM (holding the host key) gets through', () => {
  it.each(['catalog/42', 'catalog/health'])(
    '%s without a key is 401 with an empty body',
    async (path) => {
      const response = await catalog.host.fetch(catalogRequest(path, {}, false));
      expect(response.status).toBe(401);
      expect(await response.text()).toBe('');
    },
  );

  it('rejects a wrong x-functions-key', async () => {
    const response = await catalog.host.fetch(
      catalogRequest('catalog/42', { 'x-functions-key': 'not-the-key' }, false),
    );
    expect(response.status).toBe(401);
  });

  it('accepts the host key in x-functions-key, as the APIM backend entity sends it', async () => {
    expect((await catalog.host.fetch(catalogRequest('catalog/42'))).status).toBe(200);
    expect((await catalog.host.fetch(catalogRequest('catalog/health'))).status).toBe(200);
  });

  it('accepts the host key in ?code= too', async () => {
    const response = await catalog.host.fetch(
      catalogRequest(`catalog/42?code=${TEST_HOST_KEY}`, {}, false),
    );
    expect(response.status).toBe(200);
  });

  it('scopes a function key to its own function', async () => {
    const own = await catalog.host.fetch(
      catalogRequest('catalog/42', { 'x-functions-key': FUNCTION_KEY }, false),
    );
    const other = await catalog.host.fetch(
      catalogRequest('catalog/health', { 'x-functions-key': FUNCTION_KEY }, false),
    );
    expect([own.status, other.status]).toEqual([200, 401]);
  });

  it('matches the route before checking keys: an unknown path is 404 even without a key', async () => {
    const response = await catalog.host.fetch(catalogRequest('nothing/here', {}, false));
    expect(response.status).toBe(404);
  });
});
