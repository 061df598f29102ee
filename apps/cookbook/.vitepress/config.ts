import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitepress';

import type { SiteNavigation } from '../src/generate/site-navigation.js';
import { escapeMustache } from '../src/site/escape-mustache.js';
import { mermaidFence } from '../src/site/mermaid-fence.js';

// Generated pages and every build artefact live under dist/: git-ignored, and CI's declared build output.
const navigationFile = fileURLToPath(new URL('../dist/pages/site.json', import.meta.url));
if (!existsSync(navigationFile)) {
  throw new Error(
    `${navigationFile} is missing: generate the pages first (npx nx build cookbook, or npx nx run cookbook:pages)`,
  );
}
const site = JSON.parse(readFileSync(navigationFile, 'utf8')) as SiteNavigation;

// Inline, so even the favicon costs no request (and browsers stop asking for /favicon.ico).
const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='6' fill='%233451b2'/%3E%3Cpath d='M18 4 8 18h7l-2 10 11-15h-7z' fill='%23fff'/%3E%3C/svg%3E";

export default defineConfig({
  lang: 'en-US',
  title: site.title,
  description: site.description,
  // COOKBOOK_BASE=/repo-name/ when the site is published below a path (GitHub Pages).
  base: process.env['COOKBOOK_BASE'] ?? '/',
  srcDir: 'dist/pages',
  outDir: 'dist/site',
  cacheDir: 'dist/cache',
  lastUpdated: false,
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: FAVICON }]],
  markdown: {
    // The high-contrast GitHub themes keep every token readable (WCAG AA) on the code background.
    theme: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
    config(md) {
      md.use(escapeMustache);
      md.use(mermaidFence);
    },
  },
  themeConfig: {
    siteTitle: 'Functions HTTP cookbook',
    nav: site.nav,
    sidebar: site.sidebar,
    outline: [2, 3],
    // Built into the site at build time: no external search service, works offline.
    search: { provider: 'local' },
    socialLinks: [{ icon: 'github', link: site.repositoryUrl, ariaLabel: 'Repository' }],
    footer: {
      message: 'Generated from the recipes, their READMEs, metadata and OpenAPI documents.',
    },
  },
  vite: {
    build: { chunkSizeWarningLimit: 4096 },
    server: { host: '127.0.0.1' },
  },
});
