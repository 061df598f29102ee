import { describe, expect, it } from 'vitest';

import { isValidHostHeader } from './host-header.js';

describe('isValidHostHeader (Kestrel Host rules)', () => {
  it('gives the same answer for a repeated Host as for the first one', () => {
    for (const host of ['localhost:7071', 'localhost:7071', '[::1]:80', '[::1]:80']) {
      expect(isValidHostHeader(host)).toBe(true);
    }
  });

  it('still rejects bad values right after an accepted one', () => {
    expect(isValidHostHeader('example.com')).toBe(true);
    for (const host of ['', 'u:p@x', 'a b', 'x/y', 'example.com:99999', '1.2.3.256']) {
      expect(isValidHostHeader(host)).toBe(false);
      expect(isValidHostHeader('example.com')).toBe(true);
    }
  });
});
