/** Parent → server process. */
export type ServerCommand = { type: 'cpu' };

/** Server process → parent. */
export type ServerReply =
  | { type: 'ready'; url: string }
  | { type: 'cpu'; micros: number }
  | { type: 'error'; message: string };

/** Answers the parent's `cpu` command with this process's CPU time (user + system, all threads). */
export function answerCpuCommands(): void {
  process.on('message', (command: ServerCommand) => {
    if (command.type !== 'cpu') return;
    // setImmediate: work queued by the last response (socket writes, close handlers) counts too
    setImmediate(() => {
      const { user, system } = process.cpuUsage();
      process.send?.({ type: 'cpu', micros: user + system } satisfies ServerReply);
    });
  });
}

/** Reports readiness (or a start-up failure) to the parent. */
export async function announce(start: () => Promise<string>): Promise<void> {
  try {
    const url = await start();
    process.send?.({ type: 'ready', url } satisfies ServerReply);
  } catch (error) {
    process.send?.({ type: 'error', message: String(error) } satisfies ServerReply);
    process.exitCode = 1;
    process.disconnect?.();
  }
}
