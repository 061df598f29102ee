import type { MultiValueView } from '../expressions/runtime-types.js';

/** Ordered query parameters; names are case-sensitive like URL query strings. */
export class QueryBag implements MultiValueView {
  private pairs: [string, string][];

  constructor(pairs: [string, string][] = []) {
    this.pairs = pairs;
  }

  static parse(search: string): QueryBag {
    // most requests have no query: no URLSearchParams for them
    if (search === '' || search === '?') return new QueryBag();
    return new QueryBag([...new URLSearchParams(search).entries()]);
  }

  values(name: string): string[] | undefined {
    let found: string[] | undefined;
    for (const [key, value] of this.pairs) {
      if (key === name) (found ??= []).push(value);
    }
    return found;
  }

  has(name: string): boolean {
    for (const [key] of this.pairs) if (key === name) return true;
    return false;
  }

  set(name: string, values: string[]): void {
    const index = this.pairs.findIndex(([key]) => key === name);
    const rest = this.pairs.filter(([key]) => key !== name);
    const added = values.map((value): [string, string] => [name, value]);
    const at = index < 0 ? rest.length : index;
    this.pairs = [...rest.slice(0, at), ...added, ...rest.slice(at)];
  }

  append(name: string, values: string[]): void {
    this.pairs.push(...values.map((value): [string, string] => [name, value]));
  }

  delete(name: string): void {
    if (this.has(name)) this.pairs = this.pairs.filter(([key]) => key !== name);
  }

  names(): string[] {
    if (this.pairs.length === 0) return [];
    return [...new Set(this.pairs.map(([key]) => key))];
  }

  clone(): QueryBag {
    return new QueryBag(this.pairs.map(([k, v]): [string, string] => [k, v]));
  }

  toString(): string {
    if (this.pairs.length === 0) return '';
    return new URLSearchParams(this.pairs).toString();
  }
}
