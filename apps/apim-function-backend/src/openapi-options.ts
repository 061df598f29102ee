import type { OpenApiOptions } from '@cookbook/http-kit';

/** Document metadata; `routePrefix` must match host.json (a test checks it). */
export const catalogOpenApiOptions: OpenApiOptions = {
  info: {
    title: 'Catalog API',
    version: '1.0.0',
    description:
      'Azure Functions backend behind Azure API Management. APIM imports this document (API URL suffix `api`).',
  },
  routePrefix: 'api',
  tags: [{ name: 'Catalog', description: 'Read-only product catalog' }],
};
