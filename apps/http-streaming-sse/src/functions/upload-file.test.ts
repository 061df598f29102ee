import { createHash } from 'node:crypto';

import azureFunctions, { type HttpRequest } from '@azure/functions';
import { PROBLEM_CONTENT_TYPE } from '@cookbook/http-kit';
import { createFakeInvocationContext, invokeRoute } from '@cookbook/http-kit/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { settings } from '../settings.js';
import { uploadFile } from './upload-file.js';

const LIMIT = 1_000;
let originalLimit = settings.UPLOAD_LIMIT_BYTES;

beforeEach(() => {
  originalLimit = settings.UPLOAD_LIMIT_BYTES;
  settings.UPLOAD_LIMIT_BYTES = LIMIT;
});

afterEach(() => {
  settings.UPLOAD_LIMIT_BYTES = originalLimit;
});

// Stream mode: the body arrives chunked, with no Content-Length, while the function reads it.
function chunkedUpload(
  chunks: number,
  size: number,
): { request: HttpRequest; pulled: () => number } {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled === chunks) controller.close();
        else {
          pulled += 1;
          controller.enqueue(new Uint8Array(size).fill(pulled));
        }
      },
    },
    { highWaterMark: 0 },
  );
  const nativeRequest = new Request('http://localhost:7071/api/uploads', {
    method: 'POST',
    body,
    duplex: 'half',
  } as RequestInit);
  return {
    request: new azureFunctions.HttpRequest({ nativeRequest } as never),
    pulled: () => pulled,
  };
}

describe('POST /api/uploads', () => {
  it('answers the size and SHA-256 of the body', async () => {
    const response = await invokeRoute(uploadFile, { body: 'hello, stream' });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({
      bytes: 13,
      sha256: createHash('sha256').update('hello, stream').digest('hex'),
    });
  });

  it('hashes a chunked body chunk by chunk', async () => {
    const { request } = chunkedUpload(4, 250);
    const init = await uploadFile.handle(request, createFakeInvocationContext());
    const expected = createHash('sha256');
    for (let i = 1; i <= 4; i++) expected.update(new Uint8Array(250).fill(i));
    expect(init.status).toBe(200);
    expect(JSON.parse(String(init.body))).toEqual({ bytes: 1_000, sha256: expected.digest('hex') });
  });

  it('answers 413 as soon as a chunked body passes the limit, without reading the rest', async () => {
    const { request, pulled } = chunkedUpload(100, 300);
    const init = await uploadFile.handle(request, createFakeInvocationContext());
    expect(init.status).toBe(413);
    expect(new Headers(init.headers as Record<string, string>).get('content-type')).toBe(
      PROBLEM_CONTENT_TYPE,
    );
    expect(JSON.parse(String(init.body))).toMatchObject({
      status: 413,
      detail: `The request body must not exceed ${LIMIT} bytes.`,
    });
    expect(pulled()).toBeLessThan(10);
  });

  it('answers 413 from Content-Length before reading', async () => {
    const response = await invokeRoute(uploadFile, { body: new Uint8Array(LIMIT + 1) });
    expect(response.status).toBe(413);
  });

  it('hashes an empty body', async () => {
    const response = await invokeRoute(uploadFile, { method: 'POST' });
    expect(response.json()).toEqual({
      bytes: 0,
      sha256: createHash('sha256').digest('hex'),
    });
  });
});
