import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { describe, expect, it } from 'vitest';

import { KEY, startChildGateway } from './child-gateway.js';

const MiB = 1024 * 1024;
const STREAMING_POLICY = `<policies><inbound><base /></inbound>
  <backend><forward-request buffer-response="false" /></backend>
  <outbound><base /></outbound><on-error><base /></on-error></policies>`;

async function serve(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Reads `count` server-sent events from a fetch body. */
async function readEvents(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  count: number,
): Promise<string[]> {
  const decoder = new TextDecoder();
  let text = '';
  while (text.split('\n\n').length - 1 < count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text.split('\n\n').slice(0, count);
}

describe('streaming through the gateway (buffer-response="false", streamed request bodies)', () => {
  it('100 concurrent event streams arrive in order; the 50 clients that hang up abort their backend requests', async () => {
    let aborted = 0;
    let completed = 0;
    const backend = await serve((req, res) => {
      const hangup = req.url?.includes('hangup') ?? false;
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      let sent = 0;
      const tick = (): void => {
        if (res.destroyed) return;
        res.write(`id: ${sent}\ndata: event ${sent}\n\n`);
        sent++;
        if (!hangup && sent === 20) {
          completed++;
          res.end();
        } else if (sent < 20 && !(hangup && sent === 5)) {
          setImmediate(tick);
        }
      };
      res.once('close', () => {
        if (!res.writableFinished) aborted++;
      });
      tick();
    });
    const gateway = await startChildGateway({
      backendUrl: `${backend.url}/api`,
      apiPolicy: STREAMING_POLICY,
    });
    try {
      const results = await Promise.all(
        Array.from({ length: 100 }, async (_, i) => {
          const hangup = i % 2 === 1;
          const controller = new AbortController();
          const response = await fetch(
            `${gateway.url}/api/catalog/${hangup ? 'hangup' : 'full'}-${i}`,
            { headers: { 'Ocp-Apim-Subscription-Key': KEY }, signal: controller.signal },
          );
          const reader = (response.body as ReadableStream<Uint8Array>).getReader();
          const events = await readEvents(reader, hangup ? 5 : 20);
          if (hangup) controller.abort();
          return events;
        }),
      );
      results.forEach((events, i) => {
        const count = i % 2 === 1 ? 5 : 20;
        expect(events).toEqual(
          Array.from({ length: count }, (_, n) => `id: ${n}\ndata: event ${n}`),
        );
      });
      while (aborted < 50) await new Promise((resolve) => setTimeout(resolve, 20));
      expect([aborted, completed]).toEqual([50, 50]);
      expect(gateway.output()).not.toMatch(/unhandled gateway error|policy failed unexpectedly/);
    } finally {
      await gateway.stop();
      await backend.close();
    }
  });

  it('512 MiB down (a streamed response) and 512 MiB up (a streamed request): gateway RSS halfway stays far below the body', async (context) => {
    const total = 512 * MiB;
    const chunk = Buffer.alloc(256 * 1024, 's');
    let uploaded = 0;
    const uploadHash = createHash('sha256');
    let halfwayUp: () => void = () => undefined;
    const upHalfway = new Promise<void>((resolve) => (halfwayUp = resolve));
    let resumeUpload: () => void = () => undefined;
    const uploadResumed = new Promise<void>((resolve) => (resumeUpload = resolve));
    const backend = await serve((req, res) => {
      if (req.method === 'GET') {
        // the download: written as fast as the gateway (and the client behind it) takes it
        res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        let written = 0;
        const write = (): void => {
          while (written < total) {
            written += chunk.length;
            if (!res.write(chunk)) {
              res.once('drain', write);
              return;
            }
          }
          res.end();
        };
        write();
        return;
      }
      req.on('data', (data: Buffer) => {
        uploaded += data.length;
        uploadHash.update(data);
        if (uploaded >= total / 2 && !req.isPaused() && uploaded - data.length < total / 2) {
          // hold the upload at halfway while the gateway's memory is read
          req.pause();
          halfwayUp();
          void uploadResumed.then(() => req.resume());
        }
      });
      req.on('end', () => {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end(`${uploaded} ${uploadHash.digest('hex')}`);
      });
    });
    const gateway = await startChildGateway({
      backendUrl: `${backend.url}/api`,
      apiPolicy: STREAMING_POLICY,
      args: ['--max-request-body', '1024'],
    });
    try {
      const before = await gateway.memory();
      // down: the client pauses at halfway while the gateway's memory is read
      const download = await fetch(`${gateway.url}/api/catalog/big`, {
        headers: { 'Ocp-Apim-Subscription-Key': KEY },
      });
      const reader = (download.body as ReadableStream<Uint8Array>).getReader();
      let downloaded = 0;
      let downHalfway: Awaited<ReturnType<typeof gateway.memory>> | undefined;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        downloaded += value.length;
        if (!downHalfway && downloaded >= total / 2) downHalfway = await gateway.memory();
      }
      expect(downloaded).toBe(total);

      // up: a pull stream, so the client produces a chunk only when the gateway reads one
      const sentHash = createHash('sha256');
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= total) {
            controller.close();
            return;
          }
          sent += chunk.length;
          sentHash.update(chunk);
          controller.enqueue(new Uint8Array(chunk));
        },
      });
      const uploading = fetch(`${gateway.url}/api/catalog`, {
        method: 'POST',
        headers: { 'Ocp-Apim-Subscription-Key': KEY },
        body,
        duplex: 'half',
      } as RequestInit);
      await upHalfway;
      const upHalfwayMemory = await gateway.memory();
      resumeUpload();
      const reply = await uploading;
      expect([reply.status, await reply.text()]).toEqual([
        200,
        `${total} ${sentHash.digest('hex')}`,
      ]);

      const peak = Math.max(downHalfway?.rss ?? Infinity, upHalfwayMemory.rss);
      context.task.meta.rssBefore = before.rss;
      context.task.meta.rssAfter = peak;
      // a buffered body would be 256 MiB of it at halfway
      expect(peak - before.rss).toBeLessThan(64 * MiB);
    } finally {
      await gateway.stop();
      await backend.close();
    }
  });
});
