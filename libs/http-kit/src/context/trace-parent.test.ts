import { describe, expect, it } from 'vitest';

import { traceIdFromTraceParent } from './trace-parent.js';

describe('traceIdFromTraceParent (W3C Trace Context from context.traceContext)', () => {
  it('returns the trace id of a valid traceparent', () => {
    expect(traceIdFromTraceParent('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01')).toBe(
      '0af7651916cd43dd8448eb211c80319c',
    );
  });

  it('accepts a traceparent with surrounding spaces or in upper case', () => {
    expect(
      traceIdFromTraceParent(' 00-0AF7651916CD43DD8448EB211C80319C-B7AD6B7169203331-01 '),
    ).toBe('0af7651916cd43dd8448eb211c80319c');
  });

  it.each([
    [undefined],
    [''],
    ['garbage'],
    ['00-00000000000000000000000000000000-b7ad6b7169203331-01'],
    ['00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01'],
    ['ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'],
    ['00-0af7651916cd43dd8448eb211c80319-b7ad6b7169203331-01'],
  ])('rejects %j', (value) => {
    expect(traceIdFromTraceParent(value)).toBeUndefined();
  });
});
