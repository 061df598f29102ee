import azureFunctions, { type HttpRequest } from '@azure/functions';
import { describe, expect, it } from 'vitest';

import { HttpProblem } from '../errors/http-problem.js';
import { forEachBodyChunk } from './for-each-body-chunk.js';

// What stream mode hands the function: a chunked body with no Content-Length, read as it arrives.
function chunkedRequest(
  chunks: readonly Uint8Array[],
  onPull?: (index: number) => void,
  headers: Record<string, string> = {},
): { request: HttpRequest; cancelled: () => boolean } {
  let index = 0;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        onPull?.(index);
        const chunk = chunks[index++];
        if (chunk) controller.enqueue(chunk);
        else controller.close();
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  const nativeRequest = new Request('http://localhost:7071/api/uploads', {
    method: 'POST',
    body,
    headers,
    duplex: 'half',
  } as RequestInit);
  // The library's stream-mode constructor (createStreamRequest) passes the native request the same way.
  const request = new azureFunctions.HttpRequest({ nativeRequest } as never);
  return { request, cancelled: () => cancelled };
}

const bytes = (size: number, fill = 1): Uint8Array => new Uint8Array(size).fill(fill);

describe('forEachBodyChunk', () => {
  it('hands every chunk over in order and counts them', async () => {
    const { request } = chunkedRequest([bytes(3, 1), bytes(2, 2)]);
    const seen: number[][] = [];
    const read = await forEachBodyChunk(request, 10, (chunk) => {
      seen.push([...chunk]);
    });
    expect(read).toEqual({ size: 5, chunks: 2 });
    expect(seen).toEqual([
      [1, 1, 1],
      [2, 2],
    ]);
  });

  it('answers 413 as soon as a chunked body passes the limit and reads no further', async () => {
    const pulled: number[] = [];
    const { request, cancelled } = chunkedRequest([bytes(6), bytes(6), bytes(6), bytes(6)], (i) =>
      pulled.push(i),
    );
    const error = await forEachBodyChunk(request, 10, () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpProblem);
    expect((error as HttpProblem).status).toBe(413);
    expect(pulled).toEqual([0, 1]);
    expect(cancelled()).toBe(true);
  });

  it('answers 413 from Content-Length before reading a byte', async () => {
    const pulled: number[] = [];
    const { request } = chunkedRequest([bytes(4)], (i) => pulled.push(i), {
      'content-length': '11',
    });
    const error = await forEachBodyChunk(request, 10, () => undefined).catch((e: unknown) => e);
    expect((error as HttpProblem).status).toBe(413);
    expect(pulled).toEqual([]);
  });

  it('accepts a body of exactly the limit', async () => {
    const { request } = chunkedRequest([bytes(4), bytes(6)]);
    expect(await forEachBodyChunk(request, 10, () => undefined)).toEqual({ size: 10, chunks: 2 });
  });

  it('reads an absent body as empty', async () => {
    const request = new azureFunctions.HttpRequest({
      method: 'POST',
      url: 'http://localhost/api/u',
    });
    expect(await forEachBodyChunk(request, 10, () => undefined)).toEqual({ size: 0, chunks: 0 });
  });

  it('stops reading when onChunk throws, and rethrows', async () => {
    const { request, cancelled } = chunkedRequest([bytes(1), bytes(1), bytes(1)]);
    const failing = forEachBodyChunk(request, 10, () => {
      throw new Error('sink failed');
    });
    await expect(failing).rejects.toThrow('sink failed');
    expect(cancelled()).toBe(true);
  });
});
