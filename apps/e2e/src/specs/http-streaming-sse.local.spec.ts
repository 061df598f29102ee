import { expect, test } from '../fixtures.js';
import { localHostUrl } from '../support/local-recipes.js';

// No gateway in front: the spec talks to the recipe's local host directly.
const base = localHostUrl('http-streaming-sse');

test('greets by name over HTTP', async ({ anonymous }) => {
  const response = await anonymous.get(`${base}/api/http-streaming-sse?name=Ada`);
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ message: 'Hello, Ada!' });
});

test('a name over 100 characters is a problem+json 422, not a 500', async ({ anonymous }) => {
  const response = await anonymous.get(`${base}/api/http-streaming-sse?name=${'a'.repeat(101)}`);
  expect(response.status()).toBe(422);
  expect(response.headers()['content-type']).toMatch(/^application\/problem\+json/);
});
