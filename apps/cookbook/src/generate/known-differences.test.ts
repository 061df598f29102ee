import { describe, expect, it } from 'vitest';

import { knownDifferencesPage, MissingDifferencesError } from './known-differences.js';

const host = {
  name: 'host',
  source: 'tools/host/README.md',
  page: 'tools/host.md',
  markdown: [
    '# @cookbook/host',
    '## Usage',
    'run it',
    '## Documented divergences from Azure',
    '- no admin API',
    '### Keys',
    '```sh',
    '# a comment',
    '```',
    '## Benchmark',
    'fast',
  ].join('\n'),
};

describe('knownDifferencesPage', () => {
  it('gathers the sections whose headings name differences, under each tool, linking back in context', () => {
    const gateway = {
      ...host,
      name: 'gw',
      source: 'tools/gw/README.md',
      page: 'tools/gw.md',
      markdown: '# GW\n## How it differs from real APIM\n- counters are exact',
    };
    const page = knownDifferencesPage([host, gateway]);
    expect(page).toContain('## @cookbook/host\n\n### Documented divergences from Azure\n');
    expect(page).toContain('(/tools/host.md#documented-divergences-from-azure)');
    expect(page).toContain('- no admin API\n#### Keys\n```sh\n# a comment\n```');
    expect(page).not.toContain('run it');
    expect(page).not.toContain('fast');
    expect(page).toContain('## GW\n\n### How it differs from real APIM');
    expect(page).toContain('- counters are exact');
  });

  it('points links to other sections of the README at the tool page, where those sections are', () => {
    const page = knownDifferencesPage([
      {
        ...host,
        markdown:
          '# Host\n## Documented divergences from Azure\n- see [streams](#http-streams-mode) and [Azure](https://learn.microsoft.com/x#y)',
      },
    ]);
    expect(page).toContain('[streams](/tools/host.md#http-streams-mode)');
    expect(page).toContain('[Azure](https://learn.microsoft.com/x#y)');
    expect(page).not.toContain('](#http-streams-mode)');
  });

  it('fails with the README and the heading it needs when a tool documents no differences', () => {
    expect(() => knownDifferencesPage([{ ...host, markdown: '# Host\n## Usage\n' }])).toThrow(
      MissingDifferencesError,
    );
    expect(() => knownDifferencesPage([{ ...host, markdown: '# Host\n## Usage\n' }])).toThrow(
      /tools\/host\/README\.md has no section on its differences from Azure/,
    );
  });
});
