import { describe, expect, it } from 'vitest';

import { decodePayload, summarizeEvent } from './github-events.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('decodePayload', () => {
  it('reads application/json (with parameters) and form-encoded payload= alike', () => {
    const json = '{"ref":"refs/heads/main","note":"a+b c"}';
    expect(decodePayload(bytes(json), 'application/json; charset=utf-8')).toEqual(JSON.parse(json));
    const form = `payload=${encodeURIComponent(json)}`;
    expect(decodePayload(bytes(form), 'application/x-www-form-urlencoded')).toEqual(
      JSON.parse(json),
    );
  });

  it.each([
    ['text/plain', '{}', 415],
    [null, '{}', 415],
    ['application/json', '{"a":', 400],
    ['application/json', '\uFFFD', 400],
    ['application/json', '"a string"', 422],
    ['application/json', 'null', 422],
    ['application/x-www-form-urlencoded', 'other=1', 422],
    ['application/x-www-form-urlencoded', 'payload=%7B', 400],
  ])('answers %s %j with %i', (type, body, status) => {
    expect(() => decodePayload(bytes(body), type)).toThrow(expect.objectContaining({ status }));
  });

  it('answers 400 for bytes that are not UTF-8', () => {
    expect(() => decodePayload(new Uint8Array([0x7b, 0xff, 0x7d]), 'application/json')).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });
});

describe('summarizeEvent', () => {
  it('summarizes like the Python recipe, with its defaults for absent fields', () => {
    expect(summarizeEvent('push', {})).toEqual({
      event: 'push',
      repository: 'unknown',
      ref: 'unknown',
      commits: 0,
      message: 'Processed push with 0 commit(s).',
    });
    expect(summarizeEvent('pull_request', { action: 'closed', number: 9 })).toMatchObject({
      number: 9,
      message: 'Processed pull request #9 (closed).',
    });
    expect(summarizeEvent('ping', {})).toEqual({ event: 'ping', hook_id: null, zen: '' });
  });

  it.each([
    ['push', { commits: null }, '/body/commits'],
    ['push', { commits: {} }, '/body/commits'],
    ['push', { repository: [] }, '/body/repository'],
    ['pull_request', { pull_request: 'x' }, '/body/pull_request'],
    ['pull_request', { number: 1.5 }, '/body/number'],
    ['issues', { issue: { number: '7' } }, '/body/issue/number'],
    ['ping', { hook_id: 'x' }, '/body/hook_id'],
  ] as const)('answers a %s with %j with 422 at %s', (event, payload, pointer) => {
    expect(() => summarizeEvent(event, payload)).toThrow(
      expect.objectContaining({ status: 422, errors: [expect.objectContaining({ pointer })] }),
    );
  });
});
