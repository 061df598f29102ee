import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

import { MERMAID_RENDER_MS } from './diagrams.js';

/** axe's serious and critical WCAG 2.1 A/AA violations on the page, once its diagrams are drawn. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await expect(page.locator('.mermaid-source')).toHaveCount(0, { timeout: MERMAID_RENDER_MS });
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
