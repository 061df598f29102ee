interface DisposableLike {
  dispose(): unknown;
}

/** The core module's `Disposable` (same shape as the worker's, borrowed from VS Code). */
export class Disposable {
  static from(...disposables: DisposableLike[]): Disposable {
    let pending: DisposableLike[] | undefined = disposables;
    return new Disposable(() => {
      for (const disposable of pending ?? []) disposable?.dispose?.();
      pending = undefined;
    });
  }

  #callOnDispose: (() => unknown) | undefined;

  constructor(callOnDispose: () => unknown) {
    this.#callOnDispose = callOnDispose;
  }

  dispose(): unknown {
    const callback = this.#callOnDispose;
    this.#callOnDispose = undefined;
    return callback?.();
  }
}
