import { describe, expect, it } from 'vitest';

import { extractFunctionKey } from './extract-function-key.js';

describe('extractFunctionKey (the host reads the header first, then ?code=)', () => {
  it('the x-functions-key header wins over ?code=, in any case', () => {
    expect(extractFunctionKey([['X-Functions-Key', 'h']], 'code=q')).toBe('h');
  });
  it('an empty header is still the key: no fall back to ?code=', () => {
    expect(extractFunctionKey([['x-functions-key', '']], 'code=q')).toBe('');
  });
  it('repeated header lines or query values: the first one', () => {
    expect(
      extractFunctionKey(
        [
          ['x-functions-key', 'a'],
          ['x-functions-key', 'b'],
        ],
        '',
      ),
    ).toBe('a');
    expect(extractFunctionKey([], 'page=1&Code=a%2B&code=b')).toBe('a+');
  });
  it('no header and no code: no key', () => {
    expect(extractFunctionKey([['accept', '*/*']], 'codes=1')).toBeUndefined();
  });
});
