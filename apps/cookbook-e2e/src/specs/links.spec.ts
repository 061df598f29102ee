import { expect, test } from '@playwright/test';

test('a crawl from the home page finds no broken internal link and no request to another origin', async ({
  page,
  context,
  baseURL,
}) => {
  const site = new URL(baseURL ?? '');
  const requests: string[] = [];
  const failures: string[] = [];
  // Every request the pages make, from HTML to lazily loaded chunks (mermaid, search index).
  context.on('request', (request) => requests.push(request.url()));
  context.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
  });

  const pages = new Map<string, { ids: Set<string>; linkedFrom: string }>();
  const fragments: { page: string; id: string; from: string }[] = [];
  const queue: { path: string; from: string }[] = [{ path: site.pathname, from: '(start)' }];
  while (queue.length > 0) {
    const { path, from } = queue.shift() as { path: string; from: string };
    if (pages.has(path)) continue;
    const response = await page.goto(new URL(path, site).href);
    if (response?.status() !== 200) {
      failures.push(`${response?.status() ?? 'no response'} ${path} (linked from ${from})`);
      pages.set(path, { ids: new Set(), linkedFrom: from });
      continue;
    }
    // Diagrams drawn means the lazily loaded mermaid chunks were requested too.
    await expect(page.locator('.mermaid-source')).toHaveCount(0);
    const ids = await page
      .locator('[id]')
      .evaluateAll((elements) => elements.map((element) => element.id));
    pages.set(path, { ids: new Set(ids), linkedFrom: from });
    const hrefs = await page
      .locator('a[href]')
      .evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
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
      if (!pages.has(target.pathname)) queue.push({ path: target.pathname, from: path });
    }
  }

  for (const { page: path, id, from } of fragments) {
    if (!pages.get(path)?.ids.has(id)) failures.push(`no #${id} on ${path} (linked from ${from})`);
  }
  expect(failures).toEqual([]);
  // The catalog, every recipe, library and tool page, and the known-differences page at least.
  expect(pages.size).toBeGreaterThanOrEqual(8);
  expect(
    requests.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== site.origin),
  ).toEqual([]);
});
