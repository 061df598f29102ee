/**
 * The client went away before its answer: a one-shot flag with listeners. Every request has one,
 * and most never abort, so it is a plain object instead of an AbortController and its EventTarget.
 */
export class ClientAbort {
  aborted = false;
  private listeners: Array<() => void> | undefined;

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    const listeners = this.listeners;
    this.listeners = undefined;
    if (listeners) for (const listener of listeners) listener();
  }

  /** Runs `listener` once on abort (never if already aborted: callers check `aborted` first). */
  onAbort(listener: () => void): void {
    if (this.aborted) return;
    (this.listeners ??= []).push(listener);
  }

  offAbort(listener: () => void): void {
    const listeners = this.listeners;
    if (!listeners) return;
    const index = listeners.indexOf(listener);
    if (index >= 0) listeners.splice(index, 1);
  }
}
