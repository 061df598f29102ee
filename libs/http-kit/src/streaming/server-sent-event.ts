/** The media type of a server-sent events stream (WHATWG HTML, "Server-sent events"). */
export const EVENT_STREAM_CONTENT_TYPE = 'text/event-stream';

/** One event of a `text/event-stream`; every field is optional, as in the format itself. */
export interface ServerSentEvent {
  /** `id:` — what the client sends back as `Last-Event-ID` when it reconnects. */
  readonly id?: string;
  /** `event:` — the event type (`message` when absent). */
  readonly event?: string;
  /** `data:` — a string as is (one `data:` line per line), anything else as JSON. */
  readonly data?: unknown;
  /** `retry:` — the reconnection delay the client should use, in milliseconds. */
  readonly retry?: number;
}

const LINE_BREAK = /\r\n|\r|\n/;

function singleLine(field: string, value: string): string {
  // A line break would end the field early and let the rest be read as another field.
  if (/[\r\n]/.test(value)) throw new TypeError(`SSE ${field} must not contain a line break`);
  return value;
}

/** Serializes one event, blank line included; throws TypeError for a value the format cannot carry. */
export function formatServerSentEvent(event: ServerSentEvent): string {
  let text = '';
  if (event.retry !== undefined) {
    if (!Number.isSafeInteger(event.retry) || event.retry < 0) {
      throw new TypeError('SSE retry must be a non-negative integer of milliseconds');
    }
    text += `retry: ${event.retry}\n`;
  }
  if (event.id !== undefined) {
    // Clients ignore an id holding NUL (the spec), so the resume point would silently be lost.
    if (event.id.includes('\0')) throw new TypeError('SSE id must not contain NUL');
    text += `id: ${singleLine('id', event.id)}\n`;
  }
  if (event.event !== undefined) text += `event: ${singleLine('event', event.event)}\n`;
  if (event.data !== undefined) {
    const data = typeof event.data === 'string' ? event.data : JSON.stringify(event.data);
    for (const line of data.split(LINE_BREAK)) text += `data: ${line}\n`;
  }
  return `${text}\n`;
}

/** A comment line (`: text`), which clients ignore: the heartbeat that keeps proxies from timing out. */
export function formatServerSentComment(comment: string): string {
  return `: ${singleLine('comment', comment)}\n\n`;
}
