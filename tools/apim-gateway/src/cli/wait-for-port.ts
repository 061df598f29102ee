import { connect } from 'node:net';

/** Resolves once something accepts TCP connections on host:port; polls until `stop()` says to give up. */
export async function waitForPort(
  host: string,
  port: number,
  stop: () => boolean,
  intervalMs = 200,
): Promise<boolean> {
  while (!stop()) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, host);
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return true;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return false;
}
