import type { Recipe } from '@cookbook/recipes';
import { expect, type Page, test } from '@playwright/test';

import { CATALOG_PATH, recipePath, recipes } from '../support/registry.js';

const cards = (page: Page) => page.locator('.recipe-cards [data-recipe]');

/** The recipe names the catalog shows, in page order. */
async function shownNames(page: Page): Promise<string[]> {
  return cards(page).evaluateAll((items) =>
    items.map((item) => item.getAttribute('data-recipe') ?? ''),
  );
}

/** Waits until exactly `expected` recipes are shown (in registry order, which is the catalog's order). */
async function expectShown(page: Page, expected: readonly Recipe[]): Promise<void> {
  await expect(page.locator('.catalog-count')).toHaveText(
    `Showing ${expected.length} of ${recipes.length} recipes`,
  );
  expect(await shownNames(page)).toEqual(expected.map((recipe) => recipe.name));
}

/** The search the catalog promises: every word in the title, summary, name, guarantee, tags or libraries. */
const matchesSearch = (recipe: Recipe, search: string): boolean => {
  const { title, summary, guarantee, tags, libs } = recipe.metadata;
  const haystack = [title, summary, recipe.name, guarantee, ...tags, ...libs]
    .join(' ')
    .toLowerCase();
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
};

/** Opens the catalog once its filters work (the server-rendered cards are there before). */
async function openCatalog(page: Page, search = ''): Promise<void> {
  await page.goto(`${CATALOG_PATH}${search}`);
  await expect(page.locator('.recipe-catalog[data-ready="true"]')).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await openCatalog(page);
});

test('the catalog lists every recipe of the registry as a card linking to its page', async ({
  page,
}, testInfo) => {
  expect(recipes.length).toBeGreaterThan(0);
  await expectShown(page, recipes);
  for (const recipe of recipes) {
    const card = page.locator(`[data-recipe="${recipe.name}"]`);
    await expect(card.getByRole('heading', { level: 2 })).toHaveText(recipe.metadata.title);
    await expect(card).toContainText(recipe.metadata.summary);
    await expect(card).toContainText(recipe.metadata.complexity);
    const tags = await card.locator('.recipe-card-tags li').allInnerTexts();
    expect(tags.map((tag) => tag.replace(/^#/, ''))).toEqual(recipe.metadata.tags);
    const href = await card.getByRole('link', { name: recipe.metadata.title }).getAttribute('href');
    expect(new URL(href ?? '', page.url()).href).toBe(
      new URL(recipePath(recipe), testInfo.project.use.baseURL).href,
    );
  }
  await page.screenshot({ path: testInfo.outputPath('catalog.png'), fullPage: true });
  await testInfo.attach('catalog', {
    path: testInfo.outputPath('catalog.png'),
    contentType: 'image/png',
  });
});

test('complexity and trigger filters keep exactly the matching recipes', async ({ page }) => {
  for (const key of ['complexity', 'trigger'] as const) {
    const values = [...new Set(recipes.map((recipe) => recipe.metadata[key]))];
    for (const value of values) {
      await page.locator(`#catalog-${key}`).selectOption(value);
      await expectShown(
        page,
        recipes.filter((recipe) => recipe.metadata[key] === value),
      );
    }
    await page.locator(`#catalog-${key}`).selectOption('');
    await expectShown(page, recipes);
  }
});

test('the tag filter keeps the recipes carrying the tag, also when the URL names it', async ({
  page,
}) => {
  const tags = [...new Set(recipes.flatMap((recipe) => recipe.metadata.tags))];
  for (const tag of tags) {
    await page.locator('#catalog-tag').selectOption(tag);
    await expectShown(
      page,
      recipes.filter((recipe) => recipe.metadata.tags.includes(tag)),
    );
    expect(new URL(page.url()).searchParams.get('tag')).toBe(tag);
  }
  // Recipe pages link their tags as ?tag=…: a fresh load applies it.
  const tag = tags[0] ?? '';
  await openCatalog(page, `?tag=${encodeURIComponent(tag)}`);
  await expect(page.locator('#catalog-tag')).toHaveValue(tag);
  await expectShown(
    page,
    recipes.filter((recipe) => recipe.metadata.tags.includes(tag)),
  );
});

test('search narrows by words of the title, summary and tags; no match says so; clearing restores all', async ({
  page,
}) => {
  const search = page.getByRole('searchbox', { name: 'Search recipes' });
  const queries = [
    ...recipes.map((recipe) => recipe.name),
    ...recipes.map((recipe) => recipe.metadata.title.split(/\s+/)[0] ?? ''),
    ...recipes.map((recipe) => recipe.metadata.tags.at(-1) ?? ''),
    'HTTP problem',
  ];
  for (const query of queries) {
    await search.fill(query);
    const expected = recipes.filter((recipe) => matchesSearch(recipe, query));
    expect(expected.length).toBeGreaterThan(0);
    await expectShown(page, expected);
  }

  await search.fill('no-such-recipe-anywhere');
  await expectShown(page, []);
  await expect(page.locator('.catalog-empty')).toHaveText('No recipe matches these filters.');

  // Search and filters combine.
  const first = recipes[0] as Recipe;
  await search.fill(first.metadata.tags[0] ?? '');
  await page.locator('#catalog-complexity').selectOption(first.metadata.complexity);
  await expectShown(
    page,
    recipes.filter(
      (recipe) =>
        matchesSearch(recipe, first.metadata.tags[0] ?? '') &&
        recipe.metadata.complexity === first.metadata.complexity,
    ),
  );

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(search).toHaveValue('');
  await expectShown(page, recipes);
});
