import { describe, expect, it } from 'vitest';

import { headingText, slugify } from './slugify.js';

describe('slugify', () => {
  it("gives the ids VitePress gives headings (checked against the built site's pages)", () => {
    expect(slugify('Hello HTTP (minimal)')).toBe('hello-http-minimal');
    expect(slugify('Documented divergences from Azure')).toBe('documented-divergences-from-azure');
    expect(slugify('Config: `local-gateway.json`')).toBe('config-local-gateway-json');
    expect(slugify('1. Start')).toBe('_1-start');
  });

  it('slugs the rendered text of a markdown heading', () => {
    expect(headingText('Config: `local-gateway.json`')).toBe('Config: local-gateway.json');
    expect(headingText('**Keys** and [links](x.md) in item_id_names')).toBe(
      'Keys and links in item_id_names',
    );
  });
});
