import { createServer } from 'node:net';

import { LOCAL_SERVICES, readRecipes, type RunningService } from '@cookbook/recipes';

/** A request the stubs saw (their `/_stub/requests` log). */
export interface StubRequest {
  service: 'profile' | 'orders' | 'recommendations';
  url: string;
  correlationId?: string;
  traceparent?: string;
  /** Stub requests still open when this one arrived. */
  inFlight: number;
}

/** The recipe's local `bff-stubs` service on a fresh loopback port: app settings and its log. */
export interface LocalStubs {
  /** PROFILE_SERVICE_URL, ORDERS_SERVICE_URL, RECOMMENDATIONS_SERVICE_URL. */
  readonly env: Readonly<Record<string, string>>;
  requests(): Promise<StubRequest[]>;
  close(): Promise<void>;
}

/** Starts the same stubs `nx serve` starts (tools/recipes `bff-stubs`), over real sockets. */
export async function startLocalStubs(): Promise<LocalStubs> {
  const recipe = readRecipes().find((candidate) => candidate.name === 'bff-facade-api');
  const service = LOCAL_SERVICES['bff-stubs'];
  if (!recipe || !service) throw new Error('bff-facade-api or its bff-stubs service is missing');
  const running: RunningService = await service.start(recipe);
  const control = new URL('/_stub', running.env['PROFILE_SERVICE_URL']);
  return {
    env: running.env,
    async requests() {
      return (await (await fetch(`${control}/requests`)).json()) as StubRequest[];
    },
    close: () => running.close(),
  };
}

/** A loopback URL nothing listens on: calls to it are refused. */
export async function refusedUrl(path: string): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/${path}`;
}

/** Timeouts generous for a loaded machine, yet below the stubs' `slow` (3 s). */
export const TEST_SETTINGS = {
  PROFILE_TIMEOUT_MS: '2000',
  ORDERS_TIMEOUT_MS: '2000',
  RECOMMENDATIONS_TIMEOUT_MS: '2000',
  DASHBOARD_DEADLINE_MS: '4000',
} as const;
