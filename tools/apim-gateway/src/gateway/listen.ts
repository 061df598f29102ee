import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The port is taken: the message says how to pick another. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
}

/** Listens and returns the origin; EADDRINUSE becomes a PortInUseError naming the way out. */
export function listen(server: Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error & { code?: string }): void => {
      reject(
        error.code === 'EADDRINUSE'
          ? new PortInUseError(
              `port ${port} on ${host} is already in use: stop what is listening there, or pass --port <n> (or set APIM_GATEWAY_PORT)`,
            )
          : error,
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address() as AddressInfo;
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve(`http://${shown}:${address.port}`);
    });
  });
}
