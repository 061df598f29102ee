/** The Functions key travels as `?code=`: it is never validated, echoed or logged. */
export const FUNCTION_KEY_QUERY_PARAMETER = 'code';

/**
 * Query values for validation: one string per key, or a list for `arrayKeys`. A list accepts
 * repeated keys and comma-separated values, since the Functions host joins repeats with commas
 * (Azure/azure-functions-nodejs-library#168).
 */
export function readQuery(
  query: URLSearchParams,
  arrayKeys: ReadonlySet<string>,
): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = Object.create(null) as Record<
    string,
    string | string[]
  >;
  for (const key of new Set(query.keys())) {
    // The host reads the key from the query case-insensitively (ASP.NET query collection).
    if (key.toLowerCase() === FUNCTION_KEY_QUERY_PARAMETER) continue;
    values[key] = arrayKeys.has(key)
      ? query
          .getAll(key)
          .flatMap((value) => value.split(','))
          .filter((value) => value !== '')
      : (query.get(key) ?? '');
  }
  return values;
}
