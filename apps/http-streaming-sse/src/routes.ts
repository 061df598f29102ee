import {
  type AnyRoute,
  apiDocsRoutes,
  type OpenApiOptions,
  openApiRoute,
} from '@cookbook/http-kit';

import { httpStreamingSse } from './functions/http-streaming-sse.js';

/** Document metadata; `routePrefix` must match host.json. */
export const openApiOptions: OpenApiOptions = {
  info: {
    title: 'Http Streaming Sse',
    version: '1.0.0',
    description:
      'Server-sent events with ids, retry, heartbeats, Last-Event-ID resume and client-abort, plus uploads streamed through SHA-256 under a size limit',
  },
  routePrefix: 'api',
};

/** The API routes, documented in the OpenAPI document. */
export const apiRoutes: readonly AnyRoute[] = [httpStreamingSse];

/** Everything main.ts registers: the API plus its OpenAPI document and docs page. */
export const appRoutes: readonly AnyRoute[] = [
  ...apiRoutes,
  openApiRoute({ ...openApiOptions, routes: apiRoutes }),
  ...apiDocsRoutes({ title: 'Http Streaming Sse' }),
];
