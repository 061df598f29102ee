import autocannon from 'autocannon';

/** The autocannon options this bench uses beyond the shared typings (POST bodies with a unique id each). */
interface PostOptions {
  url: string;
  connections: number;
  duration: number;
  method?: 'POST';
  headers?: Record<string, string>;
  body?: string;
  idReplacement?: boolean;
}
const run = autocannon as unknown as (
  options: PostOptions,
) => Promise<Awaited<ReturnType<typeof autocannon>>>;

/** One throughput row: requests/s and items/s (a list page carries `itemsPerRequest` items). */
export interface Throughput {
  name: string;
  requestsPerSecond: number;
  itemsPerSecond: number;
  p99: number;
  non2xx: number;
}

async function measure(
  name: string,
  options: PostOptions,
  itemsPerRequest: number,
): Promise<Throughput> {
  const result = await run(options);
  const requestsPerSecond = result.requests.total / Math.max(result.duration, 1e-9);
  return {
    name,
    requestsPerSecond,
    itemsPerSecond: requestsPerSecond * itemsPerRequest,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors + result.timeouts,
  };
}

/** Creates items (a unique name per request) then reads 20-item pages, `connections` clients at once. */
export async function measureThroughput(
  driver: string,
  baseUrl: string,
  connections: number,
  seconds: number,
): Promise<Throughput[]> {
  const create = await measure(
    `${driver}: POST /api/items`,
    {
      url: `${baseUrl}/api/items`,
      connections,
      duration: seconds,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // [<id>] is a new id per request, so names never collide (no 409s)
      body: '{"name":"bench [<id>]","description":"Benchmark item.","price":"9.99"}',
      idReplacement: true,
    },
    1,
  );
  const list = await measure(
    `${driver}: GET /api/items?limit=20`,
    { url: `${baseUrl}/api/items?limit=20`, connections, duration: seconds },
    20,
  );
  return [create, list];
}
