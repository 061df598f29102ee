import { decodeQueryComponent } from './decode-path.js';

const EMPTY: ReadonlyMap<string, string> = new Map();

/**
 * Parses a query string like ASP.NET Core's QueryHelpers: keys are case-insensitive (the first
 * spelling wins) and repeated keys are joined with commas, which is what the host sends to the
 * worker (`?tag=a&tag=b` arrives as `tag: "a,b"`, Azure/azure-functions-nodejs-library#168).
 */
export function parseQuery(query: string): ReadonlyMap<string, string> {
  if (query === '') return EMPTY;
  const byLowerKey = new Map<string, { key: string; values: string[] }>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decodeQueryComponent(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decodeQueryComponent(pair.slice(eq + 1));
    if (key === '') continue;
    const lower = key.toLowerCase();
    const entry = byLowerKey.get(lower);
    if (entry) entry.values.push(value);
    else byLowerKey.set(lower, { key, values: [value] });
  }
  const result = new Map<string, string>();
  for (const { key, values } of byLowerKey.values()) result.set(key, values.join(','));
  return result;
}

/** Case-insensitive lookup, as ASP.NET Core's query collection does. */
export function getQueryValue(
  query: ReadonlyMap<string, string>,
  name: string,
): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of query) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/**
 * The first value of a query key (case-insensitive), straight from the raw query string:
 * what ASP.NET Core's `Query[name].First()` returns, where `parseQuery` joins repeats with ",".
 */
export function getFirstQueryValue(query: string, name: string): string | undefined {
  if (query === '') return undefined;
  const lower = name.toLowerCase();
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    const key = decodeQueryComponent(eq === -1 ? pair : pair.slice(0, eq));
    if (key.toLowerCase() === lower)
      return eq === -1 ? '' : decodeQueryComponent(pair.slice(eq + 1));
  }
  return undefined;
}
