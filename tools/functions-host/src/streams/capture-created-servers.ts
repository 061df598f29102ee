import http from 'node:http';

type CreateServer = typeof http.createServer;
const httpModule = http as { createServer: CreateServer };

/**
 * Calls `start` and returns the http.Servers created synchronously during that call: the library
 * creates its HTTP-streams proxy server (httpProxy.ts setupHttpProxy) inside getCapabilities and
 * keeps no handle a host could close, so the host records it to close it with the host.
 */
export function captureCreatedServers<T>(start: () => T): { result: T; servers: http.Server[] } {
  const servers: http.Server[] = [];
  const original = httpModule.createServer;
  httpModule.createServer = ((...args: Parameters<CreateServer>) => {
    const server = original(...args);
    servers.push(server);
    return server;
  }) as CreateServer;
  try {
    return { result: start(), servers };
  } finally {
    httpModule.createServer = original;
  }
}

/** Stops a captured proxy server and drops its connections at once (the worker is going away). */
export function closeServers(servers: readonly http.Server[]): Promise<void> {
  return Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          if (!server.listening) return resolve();
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    ),
  ).then(() => undefined);
}
