import { expect, test } from '../fixtures.js';
import { localHostUrl } from '../support/local-recipes.js';

// The recipe is deployed without a gateway, so the spec talks to its local host directly.
const base = localHostUrl('hello-http-minimal');

test('greets by name, trimming whitespace', async ({ anonymous }) => {
  const response = await anonymous.get(`${base}/api/hello?name=%20Ada%20`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^text\/plain/);
  expect(await response.text()).toBe('Hello, Ada!');
});

test('greets the world without a name', async ({ anonymous }) => {
  expect(await (await anonymous.get(`${base}/api/hello`)).text()).toBe('Hello, World!');
});

test('a name over 100 characters is a 400 problem, not a 500', async ({ anonymous }) => {
  const response = await anonymous.get(`${base}/api/hello?name=${'a'.repeat(101)}`);
  expect(response.status()).toBe(400);
  expect(response.headers()['content-type']).toMatch(/^application\/problem\+json/);
  const body = (await response.json()) as { status: number; title: string };
  expect(body.status).toBe(400);
  expect(JSON.stringify(body)).not.toContain('a'.repeat(101));
});

test('a POST is a 404 like on Azure, where a wrong method matches no route', async ({
  anonymous,
}) => {
  expect((await anonymous.post(`${base}/api/hello`)).status()).toBe(404);
});
