import { createServer } from 'node:net';

/** True when nothing listens on host:port (a listen attempt succeeds). */
export function isPortFree(port: number, hostname: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, hostname, () => probe.close(() => resolve(true)));
  });
}

/** The first free port after `port` (up to 20 tries), to suggest in the "port in use" message. */
export async function suggestFreePort(port: number, hostname: string): Promise<number | undefined> {
  for (let candidate = port + 1; candidate <= Math.min(65535, port + 20); candidate += 1) {
    if (await isPortFree(candidate, hostname)) return candidate;
  }
  return undefined;
}
