import type { MultiValueView } from '../expressions/runtime-types.js';

/** Ordered query parameters; names are case-sensitive like URL query strings. */
export class QueryBag implements MultiValueView {
  private pairs: [string, string][];

  constructor(pairs: [string, string][] = []) {
    this.pairs = pairs;
  }

  static parse(search: string): QueryBag {
    return new QueryBag([...new URLSearchParams(search).entries()]);
  }

  values(name: string): string[] | undefined {
    const found = this.pairs.filter(([key]) => key === name).map(([, value]) => value);
    return found.length > 0 ? found : undefined;
  }

  has(name: string): boolean {
    return this.pairs.some(([key]) => key === name);
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
    this.pairs = this.pairs.filter(([key]) => key !== name);
  }

  names(): string[] {
    return [...new Set(this.pairs.map(([key]) => key))];
  }

  clone(): QueryBag {
    return new QueryBag(this.pairs.map(([k, v]): [string, string] => [k, v]));
  }

  toString(): string {
    return new URLSearchParams(this.pairs).toString();
  }
}
