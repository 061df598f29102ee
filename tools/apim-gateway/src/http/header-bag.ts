import type { MultiValueView } from '../expressions/runtime-types.js';

/** Case-insensitive multi-valued headers that keep the first-seen spelling of each name. */
export class HeaderBag implements MultiValueView {
  private readonly entries = new Map<string, { name: string; values: string[] }>();

  static fromRaw(rawHeaders: readonly string[]): HeaderBag {
    const bag = new HeaderBag();
    const entries = bag.entries;
    for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
      const name = rawHeaders[i] as string;
      const value = rawHeaders[i + 1] as string;
      const key = name.toLowerCase();
      const existing = entries.get(key);
      // the same as append(name, [value]), without the two array copies per header
      if (existing) existing.values.push(value);
      else entries.set(key, { name, values: [value] });
    }
    return bag;
  }

  static from(record: Record<string, string | string[]>): HeaderBag {
    const bag = new HeaderBag();
    for (const [name, value] of Object.entries(record)) {
      bag.set(name, Array.isArray(value) ? value : [value]);
    }
    return bag;
  }

  values(name: string): string[] | undefined {
    return this.entries.get(name.toLowerCase())?.values;
  }

  get(name: string): string | undefined {
    return this.values(name)?.join(',');
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  set(name: string, values: string[]): void {
    this.entries.set(name.toLowerCase(), { name, values: [...values] });
  }

  append(name: string, values: string[]): void {
    const existing = this.entries.get(name.toLowerCase());
    if (existing) existing.values.push(...values);
    else this.set(name, values);
  }

  delete(name: string): void {
    this.entries.delete(name.toLowerCase());
  }

  clone(): HeaderBag {
    const copy = new HeaderBag();
    for (const [key, { name, values }] of this.entries) {
      copy.entries.set(key, { name, values: values.slice() });
    }
    return copy;
  }

  *[Symbol.iterator](): IterableIterator<[string, string[]]> {
    for (const { name, values } of this.entries.values()) yield [name, values];
  }
}
