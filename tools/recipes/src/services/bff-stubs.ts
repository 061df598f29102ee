import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { LocalService } from './local-service.js';

/** The three downstreams of bff-facade-api, by the path segment of their base URL. */
export const BFF_STUB_SERVICES = {
  profile: 'profiles',
  orders: 'orders',
  recommendations: 'recommendations',
} as const;
export type BffStubService = keyof typeof BFF_STUB_SERVICES;

/**
 * How a stub answers: `ok`; `slow` (valid, after BFF_STUB_SLOW_MS, default 3 s); `hang` (never);
 * `fail` (503); `flaky` (503 on every other call per customer, so one retry succeeds);
 * `garbage` (200 that is not JSON); `invalid` (JSON that breaks the contract); `missing` (404);
 * `drop` (the connection is closed without an answer).
 */
export const BFF_STUB_MODES = [
  'ok',
  'slow',
  'hang',
  'fail',
  'flaky',
  'garbage',
  'invalid',
  'missing',
  'drop',
] as const;
export type BffStubMode = (typeof BFF_STUB_MODES)[number];

const SERVICE_NAMES = Object.keys(BFF_STUB_SERVICES) as BffStubService[];
const isMode = (value: string): value is BffStubMode =>
  (BFF_STUB_MODES as readonly string[]).includes(value);
// `<service>-<mode>` anywhere in a customer id switches that service for that request only.
const SWITCH = new RegExp(`(${SERVICE_NAMES.join('|')})-(${BFF_STUB_MODES.join('|')})`, 'g');

/** A request a stub received, for tests that check what the BFF propagates. */
export interface BffStubRequest {
  service: BffStubService;
  url: string;
  correlationId: string | undefined;
  traceparent: string | undefined;
  /** Stub requests still open when this one arrived: 2 for the last of three concurrent calls. */
  inFlight: number;
}

function bodyFor(service: BffStubService, customerId: string, limit: number): unknown {
  if (service === 'profile')
    return {
      customer_id: customerId,
      display_name: 'Ada Lovelace',
      tier: 'gold',
      member_since: '2019-03-01',
    };
  if (service === 'orders')
    return {
      customer_id: customerId,
      orders: [
        {
          order_id: 'o-1042',
          status: 'shipped',
          total: { amount: '42.00', currency: 'EUR' },
          placed_at: '2026-11-20T10:15:00Z',
        },
        {
          order_id: 'o-1017',
          status: 'delivered',
          total: { amount: '19.99', currency: 'EUR' },
          placed_at: '2026-10-02T08:30:00Z',
        },
      ].slice(0, limit),
    };
  return {
    customer_id: customerId,
    items: [
      { sku: 'towel-42', title: 'Towel, hitchhiker grade' },
      { sku: 'functions-mug', title: 'Serverless mug' },
      { sku: 'cold-start-kit', title: 'Cold start kit' },
    ].slice(0, limit),
  };
}

/** Values that parse as JSON but break each contract (wrong types, missing fields). */
const INVALID_BODIES: Record<BffStubService, unknown> = {
  profile: { customer_id: 42, display_name: '', tier: 'platinum' },
  orders: { orders: [{ order_id: 7, total: 'lots' }] },
  recommendations: { items: 'none today' },
};

/** Options for {@link startBffStubs}; every one has an environment variable for `nx serve`. */
export interface BffStubsOptions {
  /** Default mode per service (BFF_STUB_PROFILE, BFF_STUB_ORDERS, BFF_STUB_RECOMMENDATIONS). */
  modes?: Partial<Record<BffStubService, BffStubMode>>;
  /** Port (BFF_STUB_PORT); default 0, any free port. */
  port?: number;
  /** Delay of `slow` (BFF_STUB_SLOW_MS, default 3000). */
  slowMs?: number;
}

/** The running stubs: one loopback server, a base URL per service and a control endpoint. */
export interface BffStubs {
  url: string;
  baseUrls: Record<BffStubService, string>;
  modes: Record<BffStubService, BffStubMode>;
  /** The last 200 requests the stubs received, oldest first. */
  requests: BffStubRequest[];
  close(): Promise<void>;
}

/** Starts the stand-ins for the profile, orders and recommendations services on 127.0.0.1. */
export async function startBffStubs(options: BffStubsOptions = {}): Promise<BffStubs> {
  const modes: Record<BffStubService, BffStubMode> = {
    profile: 'ok',
    orders: 'ok',
    recommendations: 'ok',
    ...options.modes,
  };
  const slowMs = options.slowMs ?? 3000;
  const requests: BffStubRequest[] = [];
  const flakyCalls = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  let open = 0;

  const send = (res: ServerResponse, status: number, type: string, body: string): void => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  };
  const json = (res: ServerResponse, status: number, body: unknown): void =>
    send(res, status, 'application/json', JSON.stringify(body));

  async function control(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const [, , service] = url.pathname.split('/');
    if (url.pathname === '/_stub/requests') return json(res, 200, requests);
    if (url.pathname === '/_stub' && req.method === 'GET') return json(res, 200, modes);
    if (!service || !SERVICE_NAMES.includes(service as BffStubService) || req.method === 'GET')
      return send(res, 404, 'text/plain', `try PUT /_stub/{${SERVICE_NAMES.join('|')}}\n`);
    let mode = '';
    for await (const chunk of req) mode += String(chunk);
    mode = (url.searchParams.get('mode') ?? mode).trim();
    if (!isMode(mode))
      return send(res, 400, 'text/plain', `mode must be one of ${BFF_STUB_MODES.join(', ')}\n`);
    modes[service as BffStubService] = mode;
    return json(res, 200, modes);
  }

  function answer(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const [, collection = '', rest] = url.pathname.split('/');
    const service = SERVICE_NAMES.find((name) => BFF_STUB_SERVICES[name] === collection);
    if (!service || req.method !== 'GET') return send(res, 404, 'text/plain', 'no such stub\n');
    const customerId =
      service === 'profile'
        ? decodeURIComponent(rest ?? '')
        : (url.searchParams.get('customer_id') ?? '');
    const header = (name: string): string | undefined => {
      const value = req.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    requests.push({
      service,
      url: `${url.pathname}${url.search}`,
      correlationId: header('x-correlation-id'),
      traceparent: header('traceparent'),
      inFlight: open,
    });
    open += 1;
    res.once('close', () => (open -= 1));
    if (requests.length > 200) requests.shift();

    let mode = modes[service];
    for (const [, name, switched] of customerId.matchAll(SWITCH))
      if (name === service && switched && isMode(switched)) mode = switched;
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 5) || 5, 20);
    const ok = (): void => json(res, 200, bodyFor(service, customerId, limit));
    switch (mode) {
      case 'ok':
        return ok();
      case 'slow': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!res.destroyed) ok();
        }, slowMs);
        timers.add(timer);
        return;
      }
      case 'hang':
        return; // the socket stays open until the caller gives up or the stubs close
      case 'fail':
        return json(res, 503, { title: 'Service Unavailable', status: 503 });
      case 'flaky': {
        const key = `${service}:${customerId}`;
        const calls = (flakyCalls.get(key) ?? 0) + 1;
        flakyCalls.set(key, calls);
        return calls % 2 === 1 ? json(res, 503, { title: 'Service Unavailable' }) : ok();
      }
      case 'garbage':
        return send(res, 200, 'application/json', '<html><body>502 Bad Gateway</body></html>');
      case 'invalid':
        return json(res, 200, INVALID_BODIES[service]);
      case 'missing':
        return json(res, 404, { title: 'Not Found', status: 404 });
      case 'drop':
        req.socket.destroy();
        return;
    }
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/_stub' || url.pathname.startsWith('/_stub/')) {
      control(req, res, url).catch(() => res.destroy());
      return;
    }
    answer(req, res, url);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const baseUrls = Object.fromEntries(
    SERVICE_NAMES.map((name) => [name, `${url}/${BFF_STUB_SERVICES[name]}`]),
  ) as Record<BffStubService, string>;
  return {
    url,
    baseUrls,
    modes,
    requests,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      // hanging requests hold their sockets: close them, or close() would wait for the callers
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function modeFromEnv(name: string): BffStubMode | undefined {
  const value = process.env[name]?.trim();
  if (!value) return undefined;
  if (!isMode(value))
    throw new Error(`${name}=${value}: the mode must be one of ${BFF_STUB_MODES.join(', ')}`);
  return value;
}

/** `local.services: ["bff-stubs"]`: the three downstreams of bff-facade-api, switchable at run time. */
export const bffStubsService: LocalService = {
  description:
    'Profile, orders and recommendations stubs for bff-facade-api (slow, failing, garbage…)',
  async start() {
    const modes: Partial<Record<BffStubService, BffStubMode>> = {};
    for (const service of SERVICE_NAMES) {
      const mode = modeFromEnv(`BFF_STUB_${service.toUpperCase()}`);
      if (mode) modes[service] = mode;
    }
    const number = (name: string, fallback: number): number => {
      const value = Number(process.env[name] ?? fallback);
      if (!Number.isInteger(value) || value < 0 || value > 65535)
        throw new Error(`${name} must be an integer from 0 to 65535, got ${process.env[name]}`);
      return value;
    };
    const stubs = await startBffStubs({
      modes,
      port: number('BFF_STUB_PORT', 0),
      slowMs: number('BFF_STUB_SLOW_MS', 3000),
    });
    // a person at a terminal (nx serve) needs the port to flip a switch; tests and CI do not
    if (process.stderr.isTTY)
      process.stderr.write(
        `bff-stubs on ${stubs.url} (${JSON.stringify(stubs.modes)}); switch one with: ` +
          `curl -X PUT ${stubs.url}/_stub/orders -d hang\n`,
      );
    return {
      env: {
        PROFILE_SERVICE_URL: stubs.baseUrls.profile,
        ORDERS_SERVICE_URL: stubs.baseUrls.orders,
        RECOMMENDATIONS_SERVICE_URL: stubs.baseUrls.recommendations,
      },
      close: () => stubs.close(),
    };
  },
};
