/** Defines getter-only properties whose setters throw like the worker's ReadOnlyError. */
export function defineReadOnly<T extends object>(
  target: T,
  values: Record<string, () => unknown>,
): T {
  for (const [name, get] of Object.entries(values)) {
    Object.defineProperty(target, name, {
      enumerable: true,
      get,
      set() {
        throw new TypeError(`Cannot assign to read only property '${name}'.`);
      },
    });
  }
  return target;
}
