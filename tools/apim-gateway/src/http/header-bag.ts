import type { MultiValueView } from '../expressions/runtime-types.js';

/** Case-insensitive multi-valued headers that keep the first-seen spelling of each name. */
export class HeaderBag implements MultiValueView {
  private readonly entries = new Map<string, { name: string; values: string[] }>();

  static fromRaw(rawHeaders: readonly string[]): HeaderBag {
    const bag = new HeaderBag();
    for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
      bag.append(rawHeaders[i] as string, [rawHeaders[i + 1] as string]);
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
    for (const { name, values } of this.entries.values()) copy.set(name, values);
    return copy;
  }

  *[Symbol.iterator](): IterableIterator<[string, string[]]> {
    for (const { name, values } of this.entries.values()) yield [name, values];
  }
}
