import type { HostRequest, HostResponse } from './host-request.js';

export class RequestRejection extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export const CHUNKED_WARNING =
  'A request arrived with Transfer-Encoding: chunked and no Content-Length. Azure Functions only passes a body when Content-Length > 0, so the function receives no body (Azure/azure-functions-nodejs-library#171). Send Content-Length.';

/**
 * Converts a WHATWG Request into what the host sees. Fetch clients send Content-Length for
 * known-length bodies, so a body counts unless the request explicitly says it is chunked.
 */
export async function fromFetchRequest(
  request: Request,
  limits: { maxRequestBodySize: number; maxUrlLength: number },
  onChunkedDropped: () => void,
): Promise<HostRequest> {
  if (request.url.length > limits.maxUrlLength) {
    throw new RequestRejection(414, `URL longer than ${limits.maxUrlLength} characters.`);
  }
  const url = new URL(request.url);
  const headers: [string, string][] = [];
  request.headers.forEach((value, name) => headers.push([name, value]));
  if (!request.headers.has('host')) headers.push(['host', url.host]);

  let body: Uint8Array | undefined;
  const declaredLength = request.headers.get('content-length');
  const chunked = /chunked/i.test(request.headers.get('transfer-encoding') ?? '');
  if (request.body) {
    if (declaredLength !== null && !/^\d+$/.test(declaredLength)) {
      throw new RequestRejection(400, 'Invalid Content-Length.');
    }
    if (Number(declaredLength ?? 0) > limits.maxRequestBodySize) {
      throw new RequestRejection(
        413,
        `Request body larger than ${limits.maxRequestBodySize} bytes.`,
      );
    }
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (bytes.length > limits.maxRequestBodySize) {
      throw new RequestRejection(
        413,
        `Request body larger than ${limits.maxRequestBodySize} bytes.`,
      );
    }
    if (chunked && declaredLength === null) {
      if (bytes.length > 0) onChunkedDropped();
    } else if (bytes.length > 0) {
      body = bytes;
      if (declaredLength === null) headers.push(['content-length', String(bytes.length)]);
    }
  }
  return {
    method: request.method,
    url: url.href,
    path: url.pathname,
    query: url.search.slice(1),
    headers,
    body,
  };
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export function toFetchResponse(response: HostResponse): Response {
  const headers = new Headers();
  for (const [name, value] of response.headers) headers.append(name, value);
  const body = NULL_BODY_STATUSES.has(response.status) ? null : (response.body ?? null);
  return new Response(body, { status: response.status, headers });
}
