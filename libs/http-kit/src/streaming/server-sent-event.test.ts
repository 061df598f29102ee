import { describe, expect, it } from 'vitest';

import { formatServerSentComment, formatServerSentEvent } from './server-sent-event.js';

describe('formatServerSentEvent', () => {
  it('writes retry, id, event and data in that order, ended by a blank line', () => {
    expect(formatServerSentEvent({ id: '3', event: 'progress', data: 'half', retry: 2000 })).toBe(
      'retry: 2000\nid: 3\nevent: progress\ndata: half\n\n',
    );
  });

  it('sends non-string data as JSON', () => {
    expect(formatServerSentEvent({ data: { step: 1, done: false } })).toBe(
      'data: {"step":1,"done":false}\n\n',
    );
  });

  it('splits multi-line data into one data line per line, whatever the line break', () => {
    expect(formatServerSentEvent({ data: 'a\nb\r\nc\rd' })).toBe(
      'data: a\ndata: b\ndata: c\ndata: d\n\n',
    );
  });

  it('writes an empty data line for empty data (the client dispatches an empty message)', () => {
    expect(formatServerSentEvent({ data: '' })).toBe('data: \n\n');
  });

  it('refuses a line break in id or event, which would inject another field', () => {
    expect(() => formatServerSentEvent({ id: '1\ndata: forged' })).toThrow(TypeError);
    expect(() => formatServerSentEvent({ event: 'a\rb' })).toThrow(TypeError);
  });

  it('refuses an id with NUL, which clients would ignore', () => {
    expect(() => formatServerSentEvent({ id: 'a\0b' })).toThrow(/NUL/);
  });

  it('refuses a retry that is not a non-negative integer', () => {
    for (const retry of [-1, 1.5, Number.NaN]) {
      expect(() => formatServerSentEvent({ retry })).toThrow(TypeError);
    }
  });
});

describe('formatServerSentComment', () => {
  it('is a colon line ended by a blank line', () => {
    expect(formatServerSentComment('heartbeat')).toBe(': heartbeat\n\n');
  });

  it('refuses a line break', () => {
    expect(() => formatServerSentComment('a\nb')).toThrow(TypeError);
  });
});
