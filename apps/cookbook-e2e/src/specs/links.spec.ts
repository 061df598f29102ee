import { expect, type Page, test } from '@playwright/test';

import { MERMAID_RENDER_MS } from '../support/diagrams.js';

/** Pages loaded at once: the crawl overlaps one page's network waits with another's rendering. */
const TABS = 3;

interface Visit {
  status: number | undefined;
  ids: string[];
  hrefs: string[];
}

/** Loads a page like a reader, waits until its diagrams are drawn, and lists its ids and links. */
async function visit(page: Page, url: string): Promise<Visit> {
  const response = await page.goto(url);
  if (response?.status() !== 200) return { status: response?.status(), ids: [], hrefs: [] };
  // Every diagram settled (drawn, or showing its parse error: recipe-pages.spec.ts reports those)
  // means the lazily loaded mermaid chunks were requested too.
  await expect(page.locator('.mermaid-pending:not(:has(.mermaid-error))')).toHaveCount(0, {
    timeout: MERMAID_RENDER_MS,
  });
  const ids = await page
    .locator('[id]')
    .evaluateAll((elements) => elements.map((element) => element.id));
  const hrefs = await page
    .locator('a[href]')
    .evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
  return { status: 200, ids, hrefs };
}

test('a crawl from the home page finds no broken internal link and no request to another origin', async ({
  context,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const site = new URL(baseURL ?? '');
  const requests: string[] = [];
  const failures: string[] = [];
  // Every request the pages make, from HTML to lazily loaded chunks (mermaid, search index).
  context.on('request', (request) => requests.push(request.url()));
  context.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });
  const tabs = await Promise.all(Array.from({ length: TABS }, () => context.newPage()));

  const pages = new Map<string, Set<string>>();
  const fragments: { page: string; id: string; from: string }[] = [];
  let frontier: { path: string; from: string }[] = [{ path: site.pathname, from: '(start)' }];
  while (frontier.length > 0) {
    const batch = frontier.filter(
      ({ path }, index) =>
        !pages.has(path) && frontier.findIndex((other) => other.path === path) === index,
    );
    frontier = [];
    for (let start = 0; start < batch.length; start += TABS) {
      const slice = batch.slice(start, start + TABS);
      const visits = await Promise.all(
        slice.map(({ path }, index) => visit(tabs[index] as Page, new URL(path, site).href)),
      );
      slice.forEach(({ path, from }, index) => {
        const { status, ids, hrefs } = visits[index] as Visit;
        pages.set(path, new Set(ids));
        if (status !== 200)
          failures.push(`${status ?? 'no response'} ${path} (linked from ${from})`);
        for (const href of hrefs) {
          const target = new URL(href);
          if (target.origin !== site.origin) continue; // a link out is fine; loading from elsewhere is not
          if (!target.pathname.startsWith(site.pathname)) {
            failures.push(`outside the site: ${href} (on ${path})`);
            continue;
          }
          if (target.hash.length > 1) {
            fragments.push({
              page: target.pathname,
              id: decodeURIComponent(target.hash.slice(1)),
              from: path,
            });
          }
          if (!pages.has(target.pathname)) frontier.push({ path: target.pathname, from: path });
        }
      });
    }
  }

  for (const { page: path, id, from } of fragments) {
    if (!pages.get(path)?.has(id)) failures.push(`no #${id} on ${path} (linked from ${from})`);
  }
  expect(failures).toEqual([]);
  // The catalog, every recipe, library and tool page, and the known-differences page at least.
  expect(pages.size).toBeGreaterThanOrEqual(8);
  expect(
    requests.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== site.origin),
  ).toEqual([]);
});
