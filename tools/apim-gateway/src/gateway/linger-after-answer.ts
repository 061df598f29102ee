import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * After an answer that leaves a large request body unread: send FIN after the response, read and
 * drop what the client is still sending, and close once it stops or `maxMs` passes (nginx's
 * lingering close). Closing at once would reset the connection, and a client still uploading
 * could lose the answer with it.
 */
export function lingerAfterAnswer(req: IncomingMessage, res: ServerResponse, maxMs: number): void {
  res.once('finish', () => {
    if (req.complete) return;
    const socket = req.socket;
    socket.end();
    const timer = setTimeout(() => socket.destroy(), maxMs);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  });
}
