import { expect, type Page, test } from '@playwright/test';

import { seriousViolations } from '../support/axe.js';
import { CATALOG_PATH, readmeFences, recipePath, recipes } from '../support/registry.js';

/** Recipe pages are scanned by recipe-pages.spec.ts; every other page is found through the sidebar below. */
const PAGES = ['', CATALOG_PATH];

/** What has keyboard focus: a card's recipe name, an element id, or the search button. */
const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return '';
    const card = active.closest('[data-recipe]');
    if (card) return `card:${card.getAttribute('data-recipe')}`;
    if (active.classList.contains('DocSearch-Button')) return 'site-search';
    return active.id ? `#${active.id}` : active.tagName.toLowerCase();
  });

test('a keyboard-only reader reaches the site search, the catalog search and every card, and opens one', async ({
  page,
}) => {
  await page.goto(CATALOG_PATH);
  await expect(page.locator('.recipe-catalog[data-ready="true"]')).toBeVisible();
  const reached: string[] = [];
  const wanted = [
    'site-search',
    '#catalog-search',
    ...recipes.map((recipe) => `card:${recipe.name}`),
  ];
  for (
    let presses = 0;
    presses < 80 && !wanted.every((target) => reached.includes(target));
    presses++
  ) {
    await page.keyboard.press('Tab');
    reached.push(await focused(page));
  }
  expect(wanted.filter((target) => !reached.includes(target))).toEqual([]);
  // Search before cards, cards in catalog order.
  const cardOrder = reached.filter((target) => target.startsWith('card:'));
  expect([...new Set(cardOrder)]).toEqual(recipes.map((recipe) => `card:${recipe.name}`));
  expect(reached.indexOf('#catalog-search')).toBeLessThan(reached.indexOf(cardOrder[0] ?? ''));

  // Enter on the focused last card opens its recipe.
  const last = recipes.at(-1);
  if (!last) return;
  await expect(page.locator(`[data-recipe="${last.name}"] a`)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${recipePath(last).replace('.', '\\.')}$`));

  // The site search opens from the keyboard and finds a recipe from the index built into the site.
  await page.keyboard.press('Control+k');
  const box = page.locator('#localsearch-input');
  await expect(box).toBeFocused();
  await box.fill(recipes[0]?.metadata.title ?? '');
  await expect(page.locator('.VPLocalSearchBox .result').first()).toBeVisible();
});

for (const path of PAGES) {
  test(`axe finds no serious or critical violation on /${path}`, async ({ page }) => {
    await page.goto(path);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('axe finds no serious or critical violation on the library, tool and other sidebar pages', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await page.goto(CATALOG_PATH);
  const covered = new Set(
    [...PAGES, ...recipes.map(recipePath)].map((path) => new URL(path, baseURL).pathname),
  );
  const others = [
    ...new Set(
      await page
        .locator('.VPSidebar a[href]')
        .evaluateAll((anchors) =>
          anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname),
        ),
    ),
  ].filter((path) => !covered.has(path));
  expect(others.length).toBeGreaterThan(0);
  const found: string[] = [];
  for (const path of others) {
    await page.goto(new URL(path, baseURL).href);
    found.push(...(await seriousViolations(page)).map((violation) => `${path}: ${violation}`));
  }
  expect(found).toEqual([]);
});

test.describe('in dark mode', () => {
  test.use({ colorScheme: 'dark' });
  // Dark mode changes colours only: the catalog and the recipe with the most diagrams cover it.
  const mostDiagrams = [...recipes].sort(
    (a, b) => readmeFences(b, 'mermaid').length - readmeFences(a, 'mermaid').length,
  )[0];
  for (const path of [CATALOG_PATH, ...(mostDiagrams ? [recipePath(mostDiagrams)] : [])]) {
    test(`axe finds no serious or critical violation on /${path}`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('html.dark')).toHaveCount(1);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
});
