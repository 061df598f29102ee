import { loadavg } from 'node:os';

import { loadDevSigningKey, mintDevToken } from '@cookbook/apim-gateway';

import { printTable, times, verdict } from '../../apim-function-backend/print-table.js';
import { median, pairedRatios, range } from '../../apim-function-backend/stats.js';
import { benchGatewayIdentity } from '../servers/gateway-identity.js';
import { type BenchServer, startServer } from '../servers/start-server.js';
import {
  CONCURRENCY,
  REQUESTS_PER_ROUND,
  ROUNDS,
  SATURATION_CONNECTIONS,
  SATURATION_PAIRS,
  SATURATION_SECONDS,
  SLICES_PER_ROUND,
  WARMUP_REQUESTS,
} from '../settings.js';
import { measureRounds, type RoundResults, type Variant } from './measure-rounds.js';
import { saturate } from './saturation.js';
import { type Answer, type AnswerCheck, LoadClient, type RequestSpec } from './send-requests.js';

const ITEM_PATH = '/api/catalog/42';

/** The recipe's policy in front of its built bundle, against a plain node:http proxy to the same host. */
export async function runProxyBench(): Promise<void> {
  const started: BenchServer[] = [];
  const clients: LoadClient[] = [];
  const load = [loadavg()[0] as number];
  try {
    const host = await startServer('local host (recipe dist/main.js)', 'backend-host.ts', []);
    started.push(host);
    const launches = await Promise.allSettled([
      startServer('plain proxy', 'plain-proxy.ts', [host.url], { profile: true }),
      startServer('plain proxy again (A/A)', 'plain-proxy.ts', [host.url], { profile: true }),
      startServer('policy, cache MISS', 'gateway-server.ts', [host.url], { profile: true }),
      startServer('policy, cache HIT', 'gateway-server.ts', [host.url], { profile: true }),
      startServer('policy, MISS, new token each request', 'gateway-server.ts', [host.url], {
        profile: true,
      }),
      startServer('floor: node:http fixed answer', 'fixed-answer.ts', []),
    ]);
    // every process that did start is stopped in `finally`, even when another failed to
    const servers = launches.flatMap((launch) =>
      launch.status === 'fulfilled' ? [launch.value] : [],
    );
    started.push(...servers);
    const failed = launches.find((launch) => launch.status === 'rejected');
    if (failed) throw failed.reason;
    const [proxy, proxyAgain, miss, hit, fresh, floor] = servers as [
      BenchServer,
      BenchServer,
      BenchServer,
      BenchServer,
      BenchServer,
      BenchServer,
    ];
    const identity = await benchGatewayIdentity();
    const tokenOptions = { ...identity.tokenOptions, key: await loadDevSigningKey() };
    const token = await mintDevToken(tokenOptions);
    const freshTokens: string[] = [];
    const client = (server: BenchServer, spec: RequestSpec, check: AnswerCheck): LoadClient => {
      const created = new LoadClient(server.url, spec, check, CONCURRENCY);
      clients.push(created);
      return created;
    };
    // A distinct Accept per request is a distinct cache key (vary-by-header Accept): every one a MISS.
    const headers = (n: number, accept: string, bearer: string): Record<string, string> => ({
      accept,
      authorization: `Bearer ${bearer}`,
      'ocp-apim-subscription-key': identity.subscriptionKey,
      'x-correlation-id': `bench-${n}`,
    });
    const missSpec: RequestSpec = (n) => ({
      path: ITEM_PATH,
      headers: headers(n, `application/json;bench=${n}`, token),
    });
    const variants: Variant[] = [
      {
        name: proxy.name,
        server: proxy,
        backend: host,
        client: client(proxy, missSpec, itemAnswer()),
      },
      {
        name: proxyAgain.name,
        server: proxyAgain,
        backend: host,
        client: client(proxyAgain, missSpec, itemAnswer()),
      },
      {
        name: miss.name,
        server: miss,
        backend: host,
        client: client(miss, missSpec, itemAnswer('MISS')),
      },
      {
        name: hit.name,
        server: hit,
        backend: host,
        client: client(
          hit,
          (n) => ({ path: ITEM_PATH, headers: headers(n, 'application/json', token) }),
          itemAnswer('HIT'),
        ),
      },
      {
        name: fresh.name,
        server: fresh,
        backend: host,
        client: client(
          fresh,
          (n) => ({
            path: ITEM_PATH,
            headers: headers(n, `application/json;bench=${n}`, freshTokens[n] ?? ''),
          }),
          itemAnswer('MISS'),
        ),
        // minted here, outside the measured window; each token differs (its own jti)
        prepare: async (count) => {
          const target = freshTokens.length + count;
          while (freshTokens.length < target) {
            freshTokens.push(
              await mintDevToken({
                ...tokenOptions,
                claims: { jti: `bench-${freshTokens.length}` },
              }),
            );
          }
        },
      },
      { name: floor.name, server: floor, client: client(floor, missSpec, itemAnswer()) },
    ];
    // The HIT variant's first request fills the cache; every later one must be a HIT.
    await clients[3]?.send(1).catch(() => undefined);
    console.log(
      `Warming up: ${WARMUP_REQUESTS} requests per variant, ${CONCURRENCY} in flight, keep-alive…`,
    );
    for (const variant of variants) {
      await variant.prepare?.(WARMUP_REQUESTS);
      await variant.client.send(WARMUP_REQUESTS);
    }
    process.stdout.write(`${ROUNDS} rounds of ${REQUESTS_PER_ROUND} requests per variant: `);
    const results = await measureRounds(
      variants,
      { rounds: ROUNDS, requestsPerRound: REQUESTS_PER_ROUND, slices: SLICES_PER_ROUND },
      () => process.stdout.write('.'),
    );
    process.stdout.write('\n\n');
    load.push(loadavg()[0] as number);
    reportProxyBench(results, variants, load);
    if (SATURATION_PAIRS > 0) {
      await reportSaturation(hit, miss, host, (accept) => headers(0, accept, token));
    }
  } finally {
    for (const created of clients) created.close();
    await Promise.all(started.map((server) => server.stop()));
  }
}

/** A 200 with the item's JSON; through the gateway, also the x-apim-cache the policy sets. */
function itemAnswer(cache?: 'HIT' | 'MISS'): AnswerCheck {
  return (answer: Answer) => {
    if (answer.status !== 200) return 'expected 200';
    if (!answer.body.includes('"item_id":"42"')) return 'expected the item JSON';
    if (cache && answer.headers['x-apim-cache'] !== cache) {
      return `expected x-apim-cache ${cache}, got ${String(answer.headers['x-apim-cache'])}`;
    }
    return undefined;
  };
}

function reportProxyBench(
  results: RoundResults,
  variants: readonly Variant[],
  load: readonly number[],
): void {
  const of =
    (map: Map<string, number[]>) =>
    (name: string): number[] =>
      map.get(name) ?? [];
  const series = of(results.cpuMicros);
  const hostSeries = of(results.backendCpuMicros);
  const pathSeries = of(results.pathCpuMicros);
  const [proxy, proxyAgain, miss, hit, fresh, floor] = variants.map((v) => v.name) as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const spread = (values: readonly number[], digits = 0): string => {
    const { min, max } = range(values);
    return `${min.toFixed(digits)}–${max.toFixed(digits)}`;
  };
  console.log(
    'CPU µs per request (process.cpuUsage, user + system), median of rounds. gateway: the proxy/gateway process; host: the local Functions host serving the recipe, during the same slices; path: both',
  );
  printTable(
    [
      'variant',
      'gateway µs/req',
      'min–max',
      '× plain proxy',
      'ratio min–max',
      'host µs/req',
      'path µs/req',
      'path req per CPU-s',
      'wall req/s',
    ],
    variants.map(({ name, backend }) => {
      const ratios = pairedRatios(series(name), series(proxy));
      return [
        name,
        median(series(name)).toFixed(0),
        spread(series(name)),
        times(median(ratios)),
        `${range(ratios).min.toFixed(2)}–${range(ratios).max.toFixed(2)}`,
        backend ? median(hostSeries(name)).toFixed(0) : '–',
        median(pathSeries(name)).toFixed(0),
        (1e6 / median(pathSeries(name))).toFixed(0),
        median(results.wallRps.get(name) ?? []).toFixed(0),
      ];
    }),
  );
  const aa = pairedRatios(series(proxyAgain), series(proxy));
  const missRatio = pairedRatios(series(miss), series(proxy));
  const hitSystem = pairedRatios(pathSeries(miss), pathSeries(hit));
  const hitGatewayOnly = pairedRatios(series(miss), series(hit));
  const freshCost = series(fresh).map((value, i) => value - (series(miss)[i] ?? Number.NaN));
  console.log('');
  console.log(
    `A/A: two identical plain proxies differ by ${times(median(aa))} (rounds ${spread(aa, 2)}); load average ${load.map((l) => l.toFixed(2)).join(' → ')}`,
  );
  console.log(
    verdict(
      'full policy on a MISS ≤ 1.5× the plain proxy (gateway process)',
      median(missRatio) <= 1.5,
      `${times(median(missRatio))} (rounds ${spread(missRatio, 2)})`,
    ),
  );
  console.log(
    verdict(
      'a cache HIT ≥ 5× the throughput of a MISS, whole path (gateway + host CPU per MISS ÷ per HIT: requests/s when CPU-bound)',
      median(hitSystem) >= 5,
      `${times(median(hitSystem))} (rounds ${spread(hitSystem, 2)})`,
    ),
  );
  console.log(
    `  the same with the gateway process alone (the host's work not counted): ${times(median(hitGatewayOnly))} (rounds ${spread(hitGatewayOnly, 2)})`,
  );
  const floorSpeedup = pairedRatios(series(miss), series(floor));
  console.log(
    `Gateway-only ceiling: a MISS costs the gateway ${times(median(floorSpeedup))} a node:http server that does nothing but answer (rounds ${spread(floorSpeedup, 2)})`,
  );
  console.log(
    `JWT validation cache: a new token on every request costs ${median(freshCost).toFixed(0)} µs more than one reused token (rounds ${spread(freshCost)}): the signature check that the cache skips for a token it has verified`,
  );
}

/**
 * Requests per second at saturation, HIT against MISS (and MISS against itself, the A/A), in
 * alternating autocannon runs. The client, both gateways and the host share the machine's cores,
 * with whatever else runs on it: each run also reads how much CPU the path (gateway + host) and the
 * client got, since on a busy machine a two-process MISS path gets a larger share than a
 * one-process HIT path.
 */
async function reportSaturation(
  hit: BenchServer,
  miss: BenchServer,
  host: BenchServer,
  headersFor: (accept: string) => Record<string, string>,
): Promise<void> {
  const missAccept = 'application/json;bench=[<id>]';
  const runs = [
    { name: 'HIT', server: hit, accept: 'application/json', cache: 'HIT' as const },
    { name: 'MISS', server: miss, accept: missAccept, cache: 'MISS' as const },
    { name: 'MISS again', server: miss, accept: missAccept, cache: 'MISS' as const },
  ];
  const measured = new Map(
    runs.map((r) => [
      r.name,
      { rps: [] as number[], pathCores: [] as number[], clientCores: [] as number[] },
    ]),
  );
  let wrong = 0;
  const once = async (entry: (typeof runs)[number]) => {
    const before = await Promise.all([entry.server.cpuMicros(), host.cpuMicros()]);
    const client = process.cpuUsage();
    const started = performance.now();
    const result = await saturate(
      entry.server.url,
      { path: ITEM_PATH, headers: headersFor(entry.accept), cache: entry.cache },
      { connections: SATURATION_CONNECTIONS, seconds: SATURATION_SECONDS },
    );
    const wallMicros = (performance.now() - started) * 1000;
    const clientUsed = process.cpuUsage(client);
    const after = await Promise.all([entry.server.cpuMicros(), host.cpuMicros()]);
    wrong += result.wrong;
    return {
      rps: result.requestsPerSecond,
      pathCores: (after[0] - before[0] + after[1] - before[1]) / wallMicros,
      clientCores: (clientUsed.user + clientUsed.system) / wallMicros,
    };
  };
  process.stdout.write(
    `\nSaturation: ${SATURATION_PAIRS} × (HIT, MISS, MISS again), ${SATURATION_SECONDS} s each, ${SATURATION_CONNECTIONS} connections (autocannon): `,
  );
  // one unrecorded run each first: autocannon's own start and the MISS path's new cache keys warm up
  for (const entry of runs.slice(0, 2)) await once(entry);
  for (let pair = 0; pair < SATURATION_PAIRS; pair += 1) {
    for (let i = 0; i < runs.length; i += 1) {
      const entry = runs[(i + pair) % runs.length] as (typeof runs)[number];
      const result = await once(entry);
      const series = measured.get(entry.name);
      series?.rps.push(result.rps);
      series?.pathCores.push(result.pathCores);
      series?.clientCores.push(result.clientCores);
      process.stdout.write('.');
    }
  }
  process.stdout.write('\n');
  const of = (name: string) => measured.get(name) ?? { rps: [], pathCores: [], clientCores: [] };
  const perCore = (name: string): number[] =>
    of(name).rps.map((rps, i) => rps / (of(name).pathCores[i] ?? Number.NaN));
  const spread = (values: readonly number[], digits = 0): string => {
    const { min, max } = range(values);
    return `${min.toFixed(digits)}–${max.toFixed(digits)}`;
  };
  printTable(
    [
      'run',
      'req/s',
      'min–max',
      'cores used by gateway + host',
      'cores used by client',
      'req/s per path core',
    ],
    runs.map(({ name }) => [
      name,
      median(of(name).rps).toFixed(0),
      spread(of(name).rps),
      median(of(name).pathCores).toFixed(2),
      median(of(name).clientCores).toFixed(2),
      median(perCore(name)).toFixed(0),
    ]),
  );
  const hitOverMiss = pairedRatios(of('HIT').rps, of('MISS').rps);
  const aa = pairedRatios(of('MISS again').rps, of('MISS').rps);
  const hitOverMissPerCore = pairedRatios(perCore('HIT'), perCore('MISS'));
  console.log(
    `wall req/s at saturation: HIT ${times(median(hitOverMiss))} a MISS (runs ${spread(hitOverMiss, 2)}; A/A MISS again ÷ MISS ${times(median(aa))}, runs ${spread(aa, 2)}); per core the path used: HIT ${times(median(hitOverMissPerCore))} a MISS (runs ${spread(hitOverMissPerCore, 2)}); wrong answers ${wrong}; load average ${(loadavg()[0] as number).toFixed(2)}`,
  );
  if (wrong > 0) {
    throw new Error(`saturation: ${wrong} answers were not a 200 with the expected x-apim-cache`);
  }
}
