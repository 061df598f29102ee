import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

import { CATALOG_PATH, recipePath, recipes } from '../support/registry.js';

/** Pages the registry names; every other page is found through the sidebar below. */
const PAGES = ['', CATALOG_PATH, ...recipes.map(recipePath)];

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

/** axe's serious and critical WCAG 2.1 A/AA violations on the current page, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  await expect(page.locator('.mermaid-source')).toHaveCount(0);
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
}

for (const path of PAGES) {
  test(`axe finds no serious or critical violation on /${path}`, async ({ page }) => {
    await page.goto(path, { waitUntil: 'networkidle' });
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('axe finds no serious or critical violation on the library, tool and other sidebar pages', async ({
  page,
  baseURL,
}) => {
  await page.goto(CATALOG_PATH, { waitUntil: 'networkidle' });
  const covered = new Set(PAGES.map((path) => new URL(path, baseURL).pathname));
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
    await page.goto(new URL(path, baseURL).href, { waitUntil: 'networkidle' });
    found.push(...(await seriousViolations(page)).map((violation) => `${path}: ${violation}`));
  }
  expect(found).toEqual([]);
});

test.describe('in dark mode', () => {
  test.use({ colorScheme: 'dark' });
  for (const path of [CATALOG_PATH, ...recipes.map(recipePath)]) {
    test(`axe finds no serious or critical violation on /${path}`, async ({ page }) => {
      await page.goto(path, { waitUntil: 'networkidle' });
      await expect(page.locator('html.dark')).toHaveCount(1);
      await expect(page.locator('.mermaid-source')).toHaveCount(0);
      const { violations } = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      expect(
        violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map((v) => v.id),
      ).toEqual([]);
    });
  }
});
