import type { LocalHost } from '@cookbook/functions-host';

import type { MinimalApp, WorkerRequest } from './minimal-host.js';

/** What autocannon sends, as the host receives it: `GET /api/hello` with only a Host header. */
export const HELLO_HOST = '127.0.0.1:7071';
export const HELLO_URL = `http://${HELLO_HOST}/api/hello`;
type HostRequest = Parameters<LocalHost['handle']>[0];
export const helloRequest = (): HostRequest => ({
  method: 'GET',
  url: HELLO_URL,
  path: '/api/hello',
  query: '',
  headers: [['host', HELLO_HOST]],
  remoteAddress: '127.0.0.1',
  remotePort: 50123,
});

/** The worker request the host builds for one `GET /api/hello` (what Azure's worker receives). */
export async function recordWorkerRequest(
  host: LocalHost,
  app: MinimalApp,
): Promise<WorkerRequest> {
  const { model } = app;
  let recorded: WorkerRequest | undefined;
  // An own property shadows the library's method for this one call only.
  model.getInvocationModel = (coreCtx) => {
    recorded = coreCtx.request;
    return Object.getPrototypeOf(model).getInvocationModel.call(model, coreCtx);
  };
  try {
    await host.handle(helloRequest());
  } finally {
    delete (model as Partial<typeof model>).getInvocationModel;
  }
  if (!recorded) throw new Error('The host invoked no function.');
  return recorded;
}
