import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { signPayload } from './github-signature.js';

const packageJson = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as {
  cookbook: { local: { env: Record<string, string> } };
};
const devSecret = packageJson.cookbook.local.env['GITHUB_WEBHOOK_SECRET'] ?? '';

// `### title`, headers, blank line, body: the REST Client format of requests.http.
const samples = readFileSync(new URL('../requests.http', import.meta.url), 'utf8')
  .split(/^### /m)
  .slice(1)
  .map((block) => {
    const [head = '', body = ''] = block.split(/\n\n/, 2);
    const [title = '', ...lines] = head.split('\n');
    const signature = lines.find((line) => line.startsWith('X-Hub-Signature-256: '))?.slice(21);
    return { title, signature, body: body.replace(/\n+$/, '') };
  });

describe('requests.http', () => {
  it('has samples', () => {
    expect(samples.length).toBeGreaterThanOrEqual(6);
  });

  it.each(samples.filter((sample) => !sample.title.includes('401')))(
    'signs "$title" for the dev secret of nx serve',
    ({ signature, body }) => {
      expect(signature).toBe(signPayload(devSecret, body));
    },
  );

  it('keeps the 401 samples unsigned or signed for other bytes', () => {
    for (const { title, signature, body } of samples.filter((sample) =>
      sample.title.includes('401'),
    )) {
      expect({ title, valid: signature === signPayload(devSecret, body) }).toEqual({
        title,
        valid: false,
      });
    }
  });
});
