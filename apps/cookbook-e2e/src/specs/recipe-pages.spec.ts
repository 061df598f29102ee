import { expect, test } from '@playwright/test';

import { seriousViolations } from '../support/axe.js';
import { MERMAID_RENDER_MS } from '../support/diagrams.js';
import {
  openApiOperations,
  readmeFences,
  recipePath,
  recipes,
  sectionFences,
} from '../support/registry.js';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// One page load per recipe, every check on it as a step: the suite stays fast as recipes are added.
for (const recipe of recipes) {
  test(`recipe page ${recipe.name}: diagrams, commands, output, sources, API operations, accessibility`, async ({
    page,
  }) => {
    await page.goto(recipePath(recipe));
    const content = page.locator('.vp-doc');

    await test.step('every mermaid diagram of the README is an SVG, no diagram source is left', async () => {
      const diagrams = readmeFences(recipe, 'mermaid');
      expect(diagrams.length).toBeGreaterThan(0);
      await expect(content.locator('figure.mermaid-diagram > svg')).toHaveCount(diagrams.length, {
        timeout: MERMAID_RENDER_MS,
      });
      await expect(content.locator('.mermaid-source, .mermaid-error')).toHaveCount(0);
      const text = await content.innerText();
      for (const { code } of diagrams) {
        // Source lines such as "flowchart LR" or "participant Host as Functions host", never labels.
        const sourceLines = code
          .split('\n')
          .filter((line) => /^\s*(flowchart|graph|sequenceDiagram|participant)\b/.test(line));
        for (const line of sourceLines) expect(text).not.toContain(line.trim());
      }
    });

    await test.step('title, Run Locally commands, Expected Output and links to the source files', async () => {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        new RegExp(`^${escapeRegExp(recipe.metadata.title)}`),
      );
      for (const heading of ['Run Locally', 'Expected Output']) {
        await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
        for (const { code } of sectionFences(recipe, heading)) {
          const firstLine = code.split('\n')[0]?.trim() ?? '';
          await expect(
            content.locator('pre code').filter({ hasText: firstLine }).first(),
          ).toBeAttached();
        }
      }
      // The facts box under the metadata line links the recipe's folder on the repository.
      const facts = content.locator('.custom-block.info').first();
      const folder = facts.getByRole('link', { name: recipe.path, exact: true });
      expect(await folder.getAttribute('href')).toMatch(new RegExp(`^https?://.+/${recipe.path}$`));
      await expect(
        page.getByRole('link', { name: 'src/main.ts', exact: true }).first(),
      ).toHaveAttribute('href', new RegExp(`/${recipe.path}/src/main\\.ts$`));
    });

    await test.step('the OpenAPI operations of its generated document: method, path, problem types', async () => {
      const operations = openApiOperations(recipe);
      await expect(page.getByRole('heading', { level: 2, name: 'API operations' })).toBeVisible();
      if (operations === undefined) {
        await expect(content).toContainText('This recipe publishes no OpenAPI document');
        return;
      }
      expect(operations.length).toBeGreaterThan(0);
      for (const operation of operations) {
        const line = content
          .locator('p')
          .filter({ has: page.locator(`.http-method.http-${operation.method.toLowerCase()}`) })
          .filter({
            has: page.locator('code', { hasText: new RegExp(`^${escapeRegExp(operation.path)}$`) }),
          });
        await expect(line).toHaveCount(1);
        if (operation.operationId) await expect(line).toContainText(operation.operationId);
      }
      const problemRows = content
        .locator('table')
        .filter({ has: page.getByRole('columnheader', { name: 'Problem type' }) })
        .locator('tbody tr');
      const statuses = await problemRows.locator('td:first-child').allInnerTexts();
      expect(statuses.sort()).toEqual(
        operations.flatMap((operation) => operation.problemStatuses).sort(),
      );
    });

    await test.step('axe finds no serious or critical violation', async () => {
      expect(await seriousViolations(page)).toEqual([]);
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
