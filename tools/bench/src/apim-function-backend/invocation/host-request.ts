import { APIM_FORWARDED_HEADERS } from '../bench-settings.js';
import type { HostRequest, HostResponse } from '../local-host.js';

/** A GET as APIM forwards it to the function host (no key: the bench host runs without auth). */
export function forwardedGet(path: string): HostRequest {
  return {
    method: 'GET',
    url: `http://localhost:7071${path}`,
    path,
    query: '',
    headers: APIM_FORWARDED_HEADERS.map(([name, value]) => [name, value]),
    body: undefined,
  };
}

/** The JSON body and selected headers of a host answer, for comparing variants. */
export function readAnswer(response: HostResponse): {
  status: number;
  headers: Record<string, string>;
  json: unknown;
} {
  const headers = Object.fromEntries(
    response.headers.map(([name, value]) => [name.toLowerCase(), value]),
  );
  const text = response.body ? Buffer.from(response.body).toString('utf8') : '';
  return {
    status: response.status,
    headers,
    json: text ? (JSON.parse(text) as unknown) : undefined,
  };
}
