import { fstatSync, writeSync } from 'node:fs';
// The real timers, not a test's fake ones: faked timers would hold lines back forever.
import { setImmediate, setTimeout } from 'node:timers';
import { isatty } from 'node:tty';

type Write = NodeJS.WriteStream['write'];
type Render = (item: never) => string;

/** Lines that make the queue flush at the end of this event-loop turn instead of waiting. */
const SOON_PENDING = 1024;
/** Lines that make it flush at once (a handler logging in a tight synchronous loop). */
const MAX_PENDING = 16_384;
/** How long a line may wait for others to share its write: short for a reader, long for the CPU. */
const FLUSH_DELAY_MS = 10;
const FLUSH_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Host log lines printed off the request path, in order with everything else the process prints.
 *
 * A line is queued as data and rendered (formatted, redacted) only when the queue flushes, 10 ms
 * after the first queued line (after the responses of those 10 ms are written), in one write.
 * Order is kept because every other write to process.stdout or process.stderr (console.log,
 * pino's destination, process.stdout.write) first flushes the queue, through a hook on the
 * streams' `write`. When someone replaces that `write` afterwards (a test spy, a log capture),
 * lines go straight through the replacement, unbatched. Pending lines are flushed on exit, before
 * an uncaught exception is printed, and on SIGINT/SIGTERM (which then still end the process
 * when nothing else listens for them).
 */
export class OrderedStdout {
  readonly #items: unknown[] = [];
  readonly #renders: Render[] = [];
  readonly #stdout: NodeJS.WriteStream;
  readonly #stdoutWrite: Write;
  readonly #hookedWrite: Write | undefined;
  // Files and /dev/null: Node's stream writes them with fs.writeSync anyway; do it without the copy.
  readonly #fileLike: boolean;
  #scheduled = false;

  constructor() {
    const stdout = process.stdout;
    this.#stdout = stdout;
    this.#fileLike = stdoutIsFileLike(stdout);
    this.#stdoutWrite = stdout.write;
    // A `write` already replaced (a test spy, a capture) is not wrapped: lines go through it.
    this.#hookedWrite = Object.hasOwn(stdout, 'write') ? undefined : this.#hook(stdout);
    if (this.#hookedWrite) this.#hook(process.stderr);
  }

  /** Queues one line; `render` turns it into text (ending in `\n`) when the queue is flushed. */
  enqueue<T>(item: T, render: (item: T) => string): void {
    if (!this.#batching()) {
      this.flush();
      process.stdout.write(renderSafely(render as Render, item));
      return;
    }
    this.#items.push(item);
    this.#renders.push(render as Render);
    const pending = this.#items.length;
    if (pending >= MAX_PENDING) this.flush();
    else if (pending === SOON_PENDING) setImmediate(this.#onSoon);
    else if (!this.#scheduled) {
      this.#scheduled = true;
      // Unref'd: queued lines never keep a process alive (the exit hook prints them).
      setTimeout(this.#onTimer, FLUSH_DELAY_MS).unref();
    }
  }

  /** Lines queued and not yet written. */
  get pending(): number {
    return this.#items.length;
  }

  /** Writes every pending line now, in order. */
  flush(): void {
    const text = this.#take();
    if (text !== '') this.#write(text, false);
  }

  /**
   * Like flush, but synchronous (exit, crash, signal): the text has left the process when this
   * returns, unless the stdout stream still holds earlier output (a pipe with a slow reader).
   */
  flushSync(): void {
    const text = this.#take();
    if (text !== '') this.#write(text, true);
  }

  readonly #onTimer = (): void => {
    this.#scheduled = false;
    this.flush();
  };

  readonly #onSoon = (): void => {
    this.flush();
  };

  #batching(): boolean {
    const hooked = this.#hookedWrite;
    return hooked !== undefined && process.stdout === this.#stdout && this.#stdout.write === hooked;
  }

  #take(): string {
    const items = this.#items;
    if (items.length === 0) return '';
    let text = '';
    for (let index = 0; index < items.length; index += 1) {
      text += renderSafely(this.#renders[index] as Render, items[index]);
    }
    // Cleared before writing: a replaced `write` that calls back into the hook finds nothing.
    items.length = 0;
    this.#renders.length = 0;
    return text;
  }

  #write(text: string, mustFinish: boolean): void {
    const stdout = this.#stdout;
    if (!this.#batching()) {
      process.stdout.write(text);
    } else if (stdout.writableLength === 0 && (this.#fileLike || mustFinish)) {
      // Nothing queued in the stream, so writing the fd directly cannot overtake earlier output.
      writeAllSync(1, text);
    } else {
      this.#stdoutWrite.call(stdout, text);
    }
  }

  #hook(stream: NodeJS.WriteStream): Write {
    const previous = stream.write as (...args: unknown[]) => boolean;
    const flushFirst = (): void => {
      if (this.#items.length > 0) this.flush();
    };
    const hooked = function (this: unknown, ...args: unknown[]): boolean {
      flushFirst();
      return previous.apply(this, args);
    } as Write;
    stream.write = hooked;
    return hooked;
  }
}

let shared: OrderedStdout | undefined;

/** The process's one queue (so several hosts in one process share one order), created on first use. */
export function orderedStdout(): OrderedStdout {
  if (shared) return shared;
  const queue = new OrderedStdout();
  shared = queue;
  process.on('exit', () => queue.flushSync());
  // Runs before Node prints the uncaught exception, so the lines come first.
  process.on('uncaughtExceptionMonitor', () => queue.flushSync());
  for (const signal of FLUSH_SIGNALS) {
    const onSignal = (): void => {
      queue.flushSync();
      // Alone, this listener would swallow the signal: restore the default and re-raise it.
      if (process.listenerCount(signal) === 1) {
        process.removeListener(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
  return queue;
}

function renderSafely(render: Render, item: unknown): string {
  try {
    return (render as (item: unknown) => string)(item);
  } catch (error) {
    return `[${new Date().toISOString()}] fail: a log line could not be formatted (${String(error)})\n`;
  }
}

function stdoutIsFileLike(stdout: NodeJS.WriteStream): boolean {
  try {
    if ((stdout as { fd?: number }).fd !== 1 || isatty(1)) return false;
    const stat = fstatSync(1);
    return stat.isFile() || stat.isCharacterDevice();
  } catch {
    return false;
  }
}

const SPIN = new Int32Array(new SharedArrayBuffer(4));

/** fs.writeSync until every byte is out; a full non-blocking pipe (EAGAIN) is waited for. */
function writeAllSync(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  let offset = 0;
  let waitedMs = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A reader that stops for 10 s, or a closed pipe: give up rather than hang the exit.
      if (code !== 'EAGAIN' || waitedMs >= 10_000) return;
      Atomics.wait(SPIN, 0, 0, 1);
      waitedMs += 1;
    }
  }
}
