import type { Server } from 'node:http';

/** Counts in-flight requests so shutdown can stop accepting, let them finish, then close every socket. */
export class ConnectionDrain {
  private inFlight = 0;
  private idle: Array<() => void> = [];
  draining = false;

  constructor(private readonly server: Server) {}

  /** Call when a request starts; the returned function when its response is done or abandoned. */
  begin(): () => void {
    this.inFlight++;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.inFlight--;
      if (this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
    };
  }

  /** Stops listening, waits for in-flight requests up to `timeoutMs`, then closes all connections. */
  async close(timeoutMs: number): Promise<void> {
    this.draining = true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    if (this.inFlight > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => this.idle.push(resolve)),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
        }),
      ]);
      clearTimeout(timer);
    }
    this.server.closeAllConnections();
    await closed;
  }
}
