import { frontmatter, pageTitle } from './frontmatter.js';
import { headings } from './markdown-blocks.js';
import { type Repository, repositoryUrl } from './repository.js';
import { CATALOG_PAGE, DIFFERENCES_PAGE } from './site-pages.js';

const generatedFrom = (source: string, repository: Repository): string =>
  `_This page is generated from [${source}](${repositoryUrl(repository, source, 'file')}); edit that file, not the page._`;

/** A library or tool page: its README as is (links already rewritten), plus where it comes from. */
export function referencePage(readme: string, source: string, repository: Repository): string {
  const title = pageTitle(readme) ?? source;
  const description = readme
    .split('\n')
    .slice((headings(readme)[0]?.line ?? -1) + 1)
    .join('\n')
    .trim()
    .split(/\n\s*\n/)[0]
    ?.replace(/\s+/g, ' ');
  return [
    frontmatter({ title, description, source }),
    readme.trimEnd(),
    '',
    '---',
    '',
    generatedFrom(source, repository),
    '',
  ].join('\n');
}

/** The home page: a hero, then the root README below its title. */
export function homePage(readme: string, tagline: string, repository: Repository): string {
  const title = headings(readme).find((heading) => heading.level === 1);
  const body = title
    ? readme
        .split('\n')
        .filter((_line, index) => index !== title.line)
        .join('\n')
    : readme;
  const hero = [
    '---',
    'layout: home',
    `title: ${JSON.stringify(title?.text ?? 'Cookbook')}`,
    'hero:',
    `  name: ${JSON.stringify(title?.text ?? 'Cookbook')}`,
    `  tagline: ${JSON.stringify(tagline)}`,
    '  actions:',
    '    - theme: brand',
    '      text: Browse the recipes',
    `      link: /${CATALOG_PAGE.replace(/index\.md$/, '')}`,
    '    - theme: alt',
    '      text: Known differences from Azure',
    `      link: /${DIFFERENCES_PAGE.replace(/\.md$/, '')}`,
    '---',
    '',
  ].join('\n');
  return `${hero}${body.trim()}\n\n---\n\n${generatedFrom('README.md', repository)}\n`;
}
