import { describe, expect, it } from 'vitest';

import { escapeStrayHtml } from './escape-stray-html.js';

describe('escapeStrayHtml', () => {
  it('joins a wrapped line that starts with a placeholder tag, so a code span across lines stays whole', () => {
    const readme =
      '- Read them with `az keys list -g <rg> -n\n<app> --name x` / `az keys`, or in IaC';
    expect(escapeStrayHtml(readme)).toBe(
      '- Read them with `az keys list -g <rg> -n <app> --name x` / `az keys`, or in IaC',
    );
  });

  it('escapes placeholders outside code and keeps real HTML, autolinks and code', () => {
    expect(
      escapeStrayHtml('Use <rg> and </app> in <b>bold</b><br/> <https://x.test> <a@b.test> `<rg>`'),
    ).toBe('Use &lt;rg> and &lt;/app> in <b>bold</b><br/> <https://x.test> <a@b.test> `<rg>`');
  });

  it('leaves code blocks, HTML blocks and table rows alone', () => {
    const readme = [
      '```sh',
      'az -g <rg>',
      '```',
      '',
      'text',
      '<details>',
      '<summary>More</summary>',
      '</details>',
      '',
      '| a |',
      '<x> |',
    ].join('\n');
    expect(escapeStrayHtml(readme)).toBe(readme.replace('<x> |', '&lt;x> |'));
  });
});
