import { describe, expect, it } from 'vitest';

import { catalogRequest } from '../testing/catalog-host-settings.js';
import { useCatalogHost } from '../testing/use-catalog-host.js';
import { CATALOG_ITEM_ROUTE } from './get-catalog-item.js';

const catalog = useCatalogHost();
const { logs, startupLogs } = catalog;

async function answeringFunction(path: string): Promise<{ status: number; name?: string }> {
  logs.length = 0;
  const response = await catalog.host.fetch(catalogRequest(path));
  await response.arrayBuffer();
  return { status: response.status, name: logs.find((entry) => entry.functionName)?.functionName };
}

describe('GET /api/catalog/health next to catalog/{item_id} (Azure/azure-functions-host#3153)', () => {
  it('answers {"status":"ok","backend":"functions"} from the health function', async () => {
    const response = await catalog.host.fetch(catalogRequest('catalog/health'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', backend: 'functions' });
    expect(await answeringFunction('catalog/health')).toEqual({
      status: 200,
      name: 'getCatalogHealth',
    });
  });

  it('matches the literal case-insensitively, like ASP.NET routing on Azure', async () => {
    expect(await answeringFunction('catalog/HEALTH')).toEqual({
      status: 200,
      name: 'getCatalogHealth',
    });
  });

  it('fact 1: name order puts health first, as Azure tries routes by function name', () => {
    const names = catalog.host.functions.map((fn) => fn.name);
    expect(names.indexOf('getCatalogHealth')).toBeLessThan(names.indexOf('getCatalogItem'));
  });

  it('fact 2: the item route constraint rejects "health", so no order can shadow it', () => {
    expect(catalog.host.warnings).toEqual([]);
    expect(startupLogs.some((entry) => /can both match|#3153/.test(entry.message))).toBe(false);
    expect(CATALOG_ITEM_ROUTE).toBe('catalog/{item_id:regex(^(?!health$))}');
  });

  it('still routes every other id, including ones that merely contain "health", to the item', async () => {
    for (const id of ['42', 'healthy', 'health-check', 'un-health']) {
      expect((await answeringFunction(`catalog/${id}`)).name, id).toBe('getCatalogItem');
    }
  });
});
