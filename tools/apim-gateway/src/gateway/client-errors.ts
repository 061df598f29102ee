import type { Duplex } from 'node:stream';

import type { AccessLogEntry } from './access-log.js';

// What the HTTP parser rejects before a request exists, answered in APIM's {statusCode, message} shape.
const PARSER_ERRORS: Readonly<Record<string, { status: number; reason: string }>> = {
  HPE_HEADER_OVERFLOW: { status: 431, reason: 'Request Header Fields Too Large' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'Request Timeout' },
};
const BAD_REQUEST = { status: 400, reason: 'Bad Request' };

/** Writes a JSON error on a socket the parser gave up on (oversized head, slow head, malformed request). */
export function answerClientError(
  error: Error & { code?: string },
  socket: Duplex,
): Omit<AccessLogEntry, 'durationMs' | 'requestId'> | undefined {
  const writable =
    socket.writable &&
    !(socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (error.code === 'ECONNRESET' || !writable) {
    socket.destroy();
    return undefined;
  }
  const { status, reason } = PARSER_ERRORS[error.code ?? ''] ?? BAD_REQUEST;
  const body = JSON.stringify({ statusCode: status, message: reason });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  return { method: '-', path: '-', status, endedBy: `http-parser (${error.code ?? 'error'})` };
}
