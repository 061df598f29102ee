import { describe, expect, it } from 'vitest';

import { applyBackendOverrides, loopbackPortOverrides } from './backend-overrides.js';
import { parseGatewayConfig } from './read-gateway-config.js';

const loaded = parseGatewayConfig(
  {
    api: { path: 'api', openapi: 'o.json', serviceUrl: 'http://localhost:7071/api' },
    backends: [
      { id: 'host', url: 'http://127.0.0.1:7071/api' },
      { id: 'remote', url: 'https://example.net/api' },
      { id: 'named', url: 'https://{{backend-host}}/api' },
    ],
  },
  'local-gateway.json',
  '/tmp',
);

describe('backend overrides (the config file stays as deployed; only this run changes)', () => {
  it('replaces backend URLs by id and the API service URL', () => {
    const { config } = applyBackendOverrides(loaded, {
      backends: { host: 'http://127.0.0.1:9000/api' },
      serviceUrl: 'http://127.0.0.1:9000/api',
    });
    expect(config.backends.map((b) => b.url)).toEqual([
      'http://127.0.0.1:9000/api',
      'https://example.net/api',
      'https://{{backend-host}}/api',
    ]);
    expect(config.api.serviceUrl).toBe('http://127.0.0.1:9000/api');
    expect(loaded.config.backends[0]?.url).toBe('http://127.0.0.1:7071/api');
  });

  it('rejects an unknown backend id (naming the known ones) and a URL that is not http(s)', () => {
    expect(() => applyBackendOverrides(loaded, { backends: { nope: 'http://x' } })).toThrow(
      /no backend "nope" to override \(known: host, remote, named\)/,
    );
    expect(() => applyBackendOverrides(loaded, { backends: { host: 'ftp://x' } })).toThrow(
      /absolute http\(s\)/,
    );
  });

  it('loopbackPortOverrides moves only literal loopback backends to the started host port', () => {
    expect(loopbackPortOverrides(loaded, 7072)).toEqual({
      backends: { host: 'http://127.0.0.1:7072/api' },
      serviceUrl: 'http://localhost:7072/api',
    });
  });
});
