import autocannon from 'autocannon';

/** The autocannon options this bench uses beyond the shared typings (a checked GET per request). */
interface SaturationOptions {
  url: string;
  connections: number;
  duration: number;
  idReplacement: boolean;
  requests: {
    method: 'GET';
    path: string;
    headers: Record<string, string>;
    onResponse: (
      status: number,
      body: string,
      context: unknown,
      headers: Record<string, string>,
    ) => void;
  }[];
}
const run = autocannon as unknown as (
  options: SaturationOptions,
) => Promise<Awaited<ReturnType<typeof autocannon>>>;

/** One saturation run: requests per second and how many answers were not the expected ones. */
export interface SaturationResult {
  requestsPerSecond: number;
  wrong: number;
}

/**
 * Drives one gateway as fast as `connections` keep-alive connections allow for `seconds`. Headers may
 * hold `[<id>]`, replaced by a new id per request (a new cache key per request: every one a MISS).
 * Each answer must be a 200 with the expected `x-apim-cache`; any other counts as wrong.
 */
export async function saturate(
  url: string,
  request: { path: string; headers: Record<string, string>; cache: 'HIT' | 'MISS' },
  options: { connections: number; seconds: number },
): Promise<SaturationResult> {
  let wrong = 0;
  const result = await run({
    url,
    connections: options.connections,
    duration: options.seconds,
    idReplacement: true,
    requests: [
      {
        method: 'GET',
        path: request.path,
        headers: request.headers,
        onResponse: (status, _body, _context, headers) => {
          const cache = Object.entries(headers).find(
            ([name]) => name.toLowerCase() === 'x-apim-cache',
          );
          if (status !== 200 || cache?.[1] !== request.cache) wrong += 1;
        },
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.total / Math.max(result.duration, 1e-9),
    wrong: wrong + result.errors + result.timeouts,
  };
}
