import {
  type AnyRoute,
  apiDocsRoutes,
  type OpenApiOptions,
  openApiRoute,
} from '@cookbook/http-kit';

import { createJob } from './functions/create-job.js';
import { getJob } from './functions/get-job.js';
import { streamJobEvents } from './functions/stream-job-events.js';
import { uploadFile } from './functions/upload-file.js';

/** Document metadata; `routePrefix` must match host.json. */
export const openApiOptions: OpenApiOptions = {
  info: {
    title: 'HTTP Streaming: server-sent events and uploads',
    version: '1.0.0',
    description:
      "A job's progress as server-sent events (ids, retry, heartbeats, Last-Event-ID resume, work only while someone listens) and uploads hashed as they stream in. State is in memory, per instance.",
  },
  routePrefix: 'api',
  tags: [
    { name: 'Jobs', description: 'Simulated jobs whose progress streams as server-sent events' },
    { name: 'Uploads', description: 'Bodies hashed while they arrive' },
  ],
};

/** The API routes, documented in the OpenAPI document. */
export const apiRoutes: readonly AnyRoute[] = [createJob, getJob, streamJobEvents, uploadFile];

/** Everything main.ts registers: the API plus its OpenAPI document and docs page. */
export const appRoutes: readonly AnyRoute[] = [
  ...apiRoutes,
  openApiRoute({ ...openApiOptions, routes: apiRoutes }),
  ...apiDocsRoutes({ title: 'HTTP Streaming' }),
];
