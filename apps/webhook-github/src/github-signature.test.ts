import { createFakeHttpRequest } from '@cookbook/http-kit/testing';
import { captureLogs } from '@cookbook/logging/testing';
import { describe, expect, it } from 'vitest';

import { readSignature, signPayload, verifySignature } from './github-signature.js';

const body = new TextEncoder().encode('{"zen":"Design for failure."}');
const request = (signature?: string) =>
  createFakeHttpRequest({
    method: 'POST',
    headers: signature === undefined ? {} : { 'x-hub-signature-256': signature },
  });

describe('GitHub signature (X-Hub-Signature-256)', () => {
  it('matches GitHub’s documented test vector', () => {
    // docs.github.com "Validating webhook deliveries": secret "It's a Secret to Everybody".
    expect(signPayload("It's a Secret to Everybody", 'Hello, World!')).toBe(
      'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
    );
  });

  it('accepts a signature under either configured secret, upper- or lower-case hex', () => {
    const env = { GITHUB_WEBHOOK_SECRET: 'new', GITHUB_WEBHOOK_SECRET_PREVIOUS: 'old' };
    for (const secret of ['new', 'old']) {
      const signature = signPayload(secret, body);
      for (const sent of [signature, `sha256=${signature.slice(7).toUpperCase()}`]) {
        expect(() => verifySignature(body, readSignature(request(sent), env))).not.toThrow();
      }
    }
  });

  it('refuses a missing or malformed header before the body is needed (401)', () => {
    const env = { GITHUB_WEBHOOK_SECRET: 's' };
    for (const sent of [
      undefined,
      '',
      'sha256=',
      'sha256=zz',
      `sha1=${'a'.repeat(40)}`,
      `sha256=${'a'.repeat(63)}`,
    ]) {
      expect(() => readSignature(request(sent), env)).toThrow(
        expect.objectContaining({ status: 401 }),
      );
    }
  });

  it('refuses a well-formed signature over other bytes (401)', () => {
    const env = { GITHUB_WEBHOOK_SECRET: 's' };
    const check = readSignature(request(signPayload('s', 'other bytes')), env);
    expect(() => verifySignature(body, check)).toThrow(expect.objectContaining({ status: 401 }));
  });

  it('answers 500 naming the setting, never a value, when no secret is configured', () => {
    const logs = captureLogs();
    try {
      for (const env of [{}, { GITHUB_WEBHOOK_SECRET: '' }]) {
        expect(() => readSignature(request(signPayload('s', body)), env)).toThrow(
          expect.objectContaining({
            status: 500,
            detail: 'The server has no GITHUB_WEBHOOK_SECRET setting.',
          }),
        );
      }
      expect(logs.records).toContainEqual(
        expect.objectContaining({ level: 'error', setting: 'GITHUB_WEBHOOK_SECRET' }),
      );
    } finally {
      logs.restore();
    }
  });

  it('works with only the previous secret left (the new one not deployed yet)', () => {
    const env = { GITHUB_WEBHOOK_SECRET_PREVIOUS: 'old' };
    expect(() =>
      verifySignature(body, readSignature(request(signPayload('old', body)), env)),
    ).not.toThrow();
  });
});
