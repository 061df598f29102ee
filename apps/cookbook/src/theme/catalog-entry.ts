/** One recipe card: what the catalog shows and filters on (written by the generator as catalog.json). */
export interface CatalogEntry {
  name: string;
  title: string;
  summary: string;
  trigger: string;
  guarantee: string;
  complexity: string;
  tags: string[];
  libs: string[];
  /** Site route of the recipe page, without the base, e.g. `/recipes/hello-http-minimal`. */
  link: string;
}

/** The catalog's filters; an empty string means "any". */
export interface CatalogQuery {
  search: string;
  complexity: string;
  trigger: string;
  tag: string;
}

export const EMPTY_QUERY: CatalogQuery = { search: '', complexity: '', trigger: '', tag: '' };

const FILTERS = ['complexity', 'trigger', 'tag'] as const;

/** Every search word must appear in the title, summary, name, tags, libraries or guarantee. */
export function matchesQuery(entry: CatalogEntry, query: CatalogQuery): boolean {
  if (query.complexity && entry.complexity !== query.complexity) return false;
  if (query.trigger && entry.trigger !== query.trigger) return false;
  if (query.tag && !entry.tags.includes(query.tag)) return false;
  const haystack = [
    entry.title,
    entry.summary,
    entry.name,
    entry.guarantee,
    ...entry.tags,
    ...entry.libs,
  ]
    .join(' ')
    .toLowerCase();
  return query.search
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** The query a catalog URL carries (`?q=cache&tag=jwt`), so filtered views can be linked. */
export function queryFromSearchParams(params: URLSearchParams): CatalogQuery {
  return {
    search: params.get('q') ?? '',
    complexity: params.get('complexity') ?? '',
    trigger: params.get('trigger') ?? '',
    tag: params.get('tag') ?? '',
  };
}

export function searchParamsFromQuery(query: CatalogQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.search) params.set('q', query.search);
  for (const key of FILTERS) if (query[key]) params.set(key, query[key]);
  return params;
}

/** Distinct values in a stable order: complexity by difficulty, the rest alphabetically. */
export function filterOptions(
  entries: readonly CatalogEntry[],
): Record<(typeof FILTERS)[number], string[]> {
  const order = ['beginner', 'intermediate', 'advanced'];
  const distinct = (values: string[]): string[] =>
    [...new Set(values)].sort((a, b) => a.localeCompare(b));
  return {
    complexity: distinct(entries.map((entry) => entry.complexity)).sort(
      (a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99),
    ),
    trigger: distinct(entries.map((entry) => entry.trigger)),
    tag: distinct(entries.flatMap((entry) => entry.tags)),
  };
}
