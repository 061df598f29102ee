import { createLocalHost, type HostLogEntry, type LocalHost } from '@cookbook/functions-host';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { catalogRequest, recipeDir, TEST_ENV } from '../testing/catalog-host-settings.js';
import { CATALOG_ITEM_ROUTE } from './get-catalog-item.js';

let host: LocalHost;
const logs: HostLogEntry[] = [];
let startupLogs: HostLogEntry[] = [];

beforeAll(async () => {
  host = await createLocalHost(recipeDir, { env: TEST_ENV, log: (entry) => logs.push(entry) });
  startupLogs = [...logs];
});
afterAll(() => host.close());

async function answeringFunction(path: string): Promise<{ status: number; name?: string }> {
  logs.length = 0;
  const response = await host.fetch(catalogRequest(path));
  await response.arrayBuffer();
  return { status: response.status, name: logs.find((entry) => entry.functionName)?.functionName };
}

describe('GET /api/catalog/health next to catalog/{item_id} (Azure/azure-functions-host#3153)', () => {
  it('answers {"status":"ok","backend":"functions"} from the health function', async () => {
    const response = await host.fetch(catalogRequest('catalog/health'));
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
    const names = host.functions.map((fn) => fn.name);
    expect(names.indexOf('getCatalogHealth')).toBeLessThan(names.indexOf('getCatalogItem'));
  });

  it('fact 2: the item route constraint rejects "health", so no order can shadow it', () => {
    expect(host.warnings).toEqual([]);
    expect(startupLogs.some((entry) => /can both match|#3153/.test(entry.message))).toBe(false);
    expect(CATALOG_ITEM_ROUTE).toBe('catalog/{item_id:regex(^(?!health$))}');
  });

  it('still routes every other id, including ones that merely contain "health", to the item', async () => {
    for (const id of ['42', 'healthy', 'health-check', 'un-health']) {
      expect((await answeringFunction(`catalog/${id}`)).name, id).toBe('getCatalogItem');
    }
  });
});
