import {
  formatServerSentComment,
  formatServerSentEvent,
  type ServerSentEvent,
} from './server-sent-event.js';

/** How {@link toEventStream} frames the events. */
export interface EventStreamOptions {
  /** Milliseconds without an event before a `: heartbeat` comment is sent; 0 or absent: none. */
  readonly heartbeatMs?: number;
  /** The heartbeat comment's text (default `heartbeat`). */
  readonly heartbeatComment?: string;
  /** Sent first, as `retry:`: how long the client waits before it reconnects. */
  readonly retryMs?: number;
  /** Ends the stream, and the source's work, when it aborts. */
  readonly signal?: AbortSignal;
}

/** The events, or a function of a signal that aborts when nobody reads any more (stop the work). */
export type EventSource =
  | AsyncIterable<ServerSentEvent>
  | ((signal: AbortSignal) => AsyncIterable<ServerSentEvent>);

type Next =
  | { readonly kind: 'event'; readonly result: IteratorResult<ServerSentEvent> }
  | { readonly kind: 'heartbeat' }
  | { readonly kind: 'stopped' };

const encoder = new TextEncoder();

/**
 * A `text/event-stream` body that pulls the next event only when the reader asks for more
 * (nothing is produced ahead of the client), sends a heartbeat comment while the source is quiet,
 * and stops the source when the reader cancels or `signal` aborts.
 */
export function toEventStream(
  source: EventSource,
  options: EventStreamOptions = {},
): ReadableStream<Uint8Array> {
  const { heartbeatMs = 0, heartbeatComment = 'heartbeat', retryMs, signal } = options;
  const heartbeat = encoder.encode(formatServerSentComment(heartbeatComment));
  const stop = new AbortController();
  const stopped = new Promise<Next>((resolve) => {
    stop.signal.addEventListener('abort', () => resolve({ kind: 'stopped' }), { once: true });
  });
  let iterator: AsyncIterator<ServerSentEvent> | undefined;
  let pending: Promise<Next> | undefined;

  const finish = (): void => {
    if (stop.signal.aborted) return;
    stop.abort();
    // An async generator runs its finally blocks; a failure there has nobody left to tell.
    iterator?.return?.().catch(() => undefined);
  };
  const onAbort = (): void => finish();

  function quietPeriod(): { promise: Promise<Next>; clear(): void } | undefined {
    if (heartbeatMs <= 0) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const promise = new Promise<Next>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'heartbeat' }), heartbeatMs);
    });
    return { promise, clear: () => clearTimeout(timer) };
  }

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        if (retryMs !== undefined)
          controller.enqueue(encoder.encode(formatServerSentEvent({ retry: retryMs })));
        if (signal?.aborted) finish();
        else signal?.addEventListener('abort', onAbort, { once: true });
      },
      async pull(controller) {
        if (stop.signal.aborted) {
          controller.close();
          return;
        }
        iterator ??= (typeof source === 'function' ? source(stop.signal) : source)[
          Symbol.asyncIterator
        ]();
        // The same next() is awaited again after a heartbeat, so the source is never asked twice.
        pending ??= iterator.next().then((result) => ({ kind: 'event', result }) as const);
        const quiet = quietPeriod();
        let next: Next;
        try {
          next = await Promise.race(quiet ? [pending, stopped, quiet.promise] : [pending, stopped]);
        } catch (error) {
          // A failing source errors the stream (the response ends early); its work stops too.
          finish();
          throw error;
        } finally {
          quiet?.clear();
        }
        if (next.kind === 'heartbeat') {
          controller.enqueue(heartbeat);
          return;
        }
        pending = undefined;
        if (next.kind === 'stopped' || next.result.done) {
          signal?.removeEventListener('abort', onAbort);
          finish();
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(formatServerSentEvent(next.result.value)));
      },
      cancel() {
        signal?.removeEventListener('abort', onAbort);
        finish();
      },
    },
    // Pull only while a read is waiting: the source works at the reader's pace, not ahead of it.
    { highWaterMark: 0 },
  );
}
