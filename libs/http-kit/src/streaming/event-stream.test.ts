import { setTimeout as delay } from 'node:timers/promises';

import { afterEach, describe, expect, it, vi } from 'vitest';

import { toEventStream } from './event-stream.js';
import type { ServerSentEvent } from './server-sent-event.js';

const decoder = new TextDecoder();

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += decoder.decode(chunk);
  return text;
}

async function readOne(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<string> {
  const { value, done } = await reader.read();
  return done ? '<end>' : decoder.decode(value);
}

async function* events(count: number): AsyncGenerator<ServerSentEvent> {
  for (let i = 1; i <= count; i++) yield { id: String(i), data: `step ${i}` };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('toEventStream', () => {
  it('frames every event, retry first, and ends when the source ends', async () => {
    const text = await readAll(toEventStream(events(2), { retryMs: 1500 }));
    expect(text).toBe('retry: 1500\n\nid: 1\ndata: step 1\n\nid: 2\ndata: step 2\n\n');
  });

  it('asks the source for an event only when the reader asks for one', async () => {
    let produced = 0;
    async function* counting(): AsyncGenerator<ServerSentEvent> {
      for (;;) {
        produced += 1;
        yield { data: String(produced) };
      }
    }
    const reader = toEventStream(counting()).getReader();
    await delay(20);
    expect(produced).toBe(0);
    expect(await readOne(reader)).toBe('data: 1\n\n');
    await delay(20);
    expect(produced).toBe(1);
    await reader.cancel();
  });

  it('sends a heartbeat comment while the source is quiet, then the event it was waiting for', async () => {
    vi.useFakeTimers();
    let release: (() => void) | undefined;
    async function* slow(): AsyncGenerator<ServerSentEvent> {
      await new Promise<void>((resolve) => (release = resolve));
      yield { data: 'late' };
    }
    const reader = toEventStream(slow(), { heartbeatMs: 15_000 }).getReader();
    const first = readOne(reader);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(await first).toBe(': heartbeat\n\n');
    const second = readOne(reader);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(await second).toBe(': heartbeat\n\n');
    const third = readOne(reader);
    release?.();
    expect(await third).toBe('data: late\n\n');
    expect(await readOne(reader)).toBe('<end>');
  });

  it('aborts the source signal and runs its finally block when the reader cancels', async () => {
    let aborted = false;
    let cleaned = false;
    const source = (signal: AbortSignal) =>
      (async function* (): AsyncGenerator<ServerSentEvent> {
        signal.addEventListener('abort', () => (aborted = true));
        try {
          for (let i = 0; ; i++) yield { data: String(i) };
        } finally {
          cleaned = true;
        }
      })();
    const reader = toEventStream(source).getReader();
    expect(await readOne(reader)).toBe('data: 0\n\n');
    await reader.cancel();
    await delay(0);
    expect(aborted).toBe(true);
    expect(cleaned).toBe(true);
  });

  it('ends the stream and stops a waiting source when the given signal aborts', async () => {
    const controller = new AbortController();
    let sourceSignal: AbortSignal | undefined;
    const source = (signal: AbortSignal) =>
      (async function* (): AsyncGenerator<ServerSentEvent> {
        sourceSignal = signal;
        await new Promise(() => undefined); // waits forever
        yield { data: 'never' };
      })();
    const reader = toEventStream(source, { signal: controller.signal }).getReader();
    const read = readOne(reader);
    await delay(5);
    controller.abort();
    expect(await read).toBe('<end>');
    expect(sourceSignal?.aborted).toBe(true);
  });

  it('errors the stream when the source throws, and stops its work', async () => {
    let sourceSignal: AbortSignal | undefined;
    const source = (signal: AbortSignal) =>
      (async function* (): AsyncGenerator<ServerSentEvent> {
        sourceSignal = signal;
        yield { data: 'ok' };
        throw new Error('boom');
      })();
    const reader = toEventStream(source).getReader();
    expect(await readOne(reader)).toBe('data: ok\n\n');
    await expect(reader.read()).rejects.toThrow('boom');
    expect(sourceSignal?.aborted).toBe(true);
  });
});
