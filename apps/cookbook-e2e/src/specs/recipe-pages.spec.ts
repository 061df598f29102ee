import { expect, test } from '@playwright/test';

import {
  openApiOperations,
  readmeFences,
  recipePath,
  recipes,
  sectionFences,
} from '../support/registry.js';

for (const recipe of recipes) {
  test.describe(`recipe page ${recipe.name}`, () => {
    test.beforeEach(async ({ page }) => {
      await page.goto(recipePath(recipe));
    });

    test('renders every mermaid diagram of the README as SVG, with no diagram source left', async ({
      page,
    }) => {
      const diagrams = readmeFences(recipe, 'mermaid');
      expect(diagrams.length).toBeGreaterThan(0);
      const content = page.locator('.vp-doc');
      await expect(content.locator('figure.mermaid-diagram > svg')).toHaveCount(diagrams.length);
      await expect(content.locator('.mermaid-source, .mermaid-error')).toHaveCount(0);
      const text = await content.innerText();
      for (const { code } of diagrams) {
        // e.g. "flowchart LR" or "participant Host as Functions host": source lines, not labels.
        for (const line of code
          .split('\n')
          .filter((line) => /^\s*(flowchart|graph|sequenceDiagram|participant)\b/.test(line))) {
          expect(text).not.toContain(line.trim());
        }
      }
    });

    test('shows the title, Run Locally commands, Expected Output and links to the source files', async ({
      page,
    }) => {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        new RegExp(`^${recipe.metadata.title.replace(/[()]/g, '\\$&')}`),
      );
      for (const heading of ['Run Locally', 'Expected Output']) {
        await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
        for (const { code } of sectionFences(recipe, heading)) {
          const firstLine = code.split('\n')[0]?.trim() ?? '';
          await expect(
            page.locator('.vp-doc pre code').filter({ hasText: firstLine }).first(),
          ).toBeAttached();
        }
      }
      const sourceLink = page.getByRole('link', { name: recipe.path, exact: true });
      expect(await sourceLink.getAttribute('href')).toMatch(
        new RegExp(`^https?://.+/${recipe.path}$`),
      );
      await expect(
        page.getByRole('link', { name: 'src/main.ts', exact: true }).first(),
      ).toHaveAttribute('href', new RegExp(`/${recipe.path}/src/main\\.ts$`));
    });

    test('renders the OpenAPI operations of its generated document: method, path, problem types', async ({
      page,
    }) => {
      const operations = openApiOperations(recipe);
      const section = page.locator('.vp-doc');
      await expect(page.getByRole('heading', { level: 2, name: 'API operations' })).toBeVisible();
      if (operations === undefined) {
        await expect(section).toContainText('This recipe publishes no OpenAPI document');
        return;
      }
      expect(operations.length).toBeGreaterThan(0);
      for (const operation of operations) {
        const line = section
          .locator('p')
          .filter({ has: page.locator(`.http-method.http-${operation.method.toLowerCase()}`) })
          .filter({
            has: page.locator('code', {
              hasText: new RegExp(`^${operation.path.replace(/[{}]/g, '\\$&')}$`),
            }),
          });
        await expect(line).toHaveCount(1);
        if (operation.operationId) await expect(line).toContainText(operation.operationId);
      }
      const problemRows = section
        .locator('table')
        .filter({ has: page.getByRole('columnheader', { name: 'Problem type' }) })
        .locator('tbody tr');
      const statuses = await problemRows.locator('td:first-child').allInnerTexts();
      expect(statuses.sort()).toEqual(
        operations.flatMap((operation) => operation.problemStatuses).sort(),
      );
    });
  });
}

test('the code copy button puts the Run Locally commands on the clipboard', async ({
  page,
  context,
  baseURL,
}, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(baseURL ?? '').origin,
  });
  const recipe = recipes.find((candidate) => sectionFences(candidate, 'Run Locally').length > 0);
  expect(recipe, 'a recipe with a Run Locally code block').toBeDefined();
  if (!recipe) return;
  const expected = sectionFences(recipe, 'Run Locally')[0]?.code.trim() ?? '';
  await page.goto(recipePath(recipe));
  const block = page.locator('h2:has-text("Run Locally") ~ div[class*="language-"]').first();
  await block.hover();
  await block.locator('button.copy').click();
  await expect(block.locator('button.copy')).toHaveClass(/copied/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

  // The screenshot shows the page as a reader sees it: diagrams drawn.
  await expect(page.locator('figure.mermaid-diagram > svg')).toHaveCount(
    readmeFences(recipe, 'mermaid').length,
  );
  await page.screenshot({ path: testInfo.outputPath(`${recipe.name}.png`), fullPage: true });
  await testInfo.attach(`recipe page ${recipe.name}`, {
    path: testInfo.outputPath(`${recipe.name}.png`),
    contentType: 'image/png',
  });
});
