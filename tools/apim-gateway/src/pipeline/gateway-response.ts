import { HeaderBag } from '../http/header-bag.js';

export interface GatewayResponse {
  status: number;
  reason: string;
  headers: HeaderBag;
  body: Buffer;
}

const REASONS: Record<number, string> = {
  200: 'OK',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? '';
}

/** APIM's built-in error envelope: `{"statusCode":N,"message":"..."}` as application/json. */
export function errorResponse(
  status: number,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): GatewayResponse {
  const body = Buffer.from(JSON.stringify({ statusCode: status, message, ...extra }));
  return {
    status,
    reason: reasonPhrase(status),
    headers: HeaderBag.from({ 'Content-Type': 'application/json', ...headers }),
    body,
  };
}

export function internalServerError(activityId: string): GatewayResponse {
  return errorResponse(500, 'Internal server error', { activityId });
}

export function emptyResponse(status = 200): GatewayResponse {
  return { status, reason: reasonPhrase(status), headers: new HeaderBag(), body: Buffer.alloc(0) };
}
