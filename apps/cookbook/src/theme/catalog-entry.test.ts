import { describe, expect, it } from 'vitest';

import {
  type CatalogEntry,
  EMPTY_QUERY,
  filterOptions,
  matchesQuery,
  queryFromSearchParams,
  searchParamsFromQuery,
} from './catalog-entry.js';

const entry = (overrides: Partial<CatalogEntry>): CatalogEntry => ({
  name: 'hello',
  title: 'Hello HTTP',
  summary: 'The smallest function',
  trigger: 'HTTP',
  guarantee: 'idempotent',
  complexity: 'beginner',
  tags: ['basics'],
  libs: [],
  link: '/recipes/hello',
  ...overrides,
});

describe('catalog filters', () => {
  const hello = entry({});
  const apim = entry({
    name: 'apim',
    title: 'APIM backend',
    complexity: 'intermediate',
    tags: ['jwt', 'caching'],
    libs: ['http-kit'],
  });

  it('needs every filter and every search word to match, case-insensitively', () => {
    expect(matchesQuery(hello, EMPTY_QUERY)).toBe(true);
    expect(matchesQuery(apim, { ...EMPTY_QUERY, complexity: 'beginner' })).toBe(false);
    expect(matchesQuery(apim, { ...EMPTY_QUERY, tag: 'jwt', search: 'HTTP-KIT  apim' })).toBe(true);
    expect(matchesQuery(apim, { ...EMPTY_QUERY, search: 'apim basics' })).toBe(false);
    expect(matchesQuery(hello, { ...EMPTY_QUERY, trigger: 'Timer' })).toBe(false);
  });

  it('round-trips through the URL, leaving out empty filters', () => {
    const query = { ...EMPTY_QUERY, search: 'cache jwt', tag: 'jwt' };
    expect(searchParamsFromQuery(query).toString()).toBe('q=cache+jwt&tag=jwt');
    expect(queryFromSearchParams(searchParamsFromQuery(query))).toEqual(query);
    expect(queryFromSearchParams(new URLSearchParams('utm=x'))).toEqual(EMPTY_QUERY);
  });

  it('offers each distinct value once: complexity by difficulty, the rest alphabetically', () => {
    expect(
      filterOptions([apim, hello, entry({ complexity: 'advanced', tags: ['basics'] })]),
    ).toEqual({
      complexity: ['beginner', 'intermediate', 'advanced'],
      trigger: ['HTTP'],
      tag: ['basics', 'caching', 'jwt'],
    });
  });
});
