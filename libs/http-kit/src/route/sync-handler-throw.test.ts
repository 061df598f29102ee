import { describe, expect, it } from 'vitest';
import * as z from 'zod';

import { httpError } from '../errors/http-problem.js';
import { invokeRoute } from '../testing/invoke-route.js';
import { defineRoute } from './define-route.js';

// The body is read asynchronously, so the handler runs in a promise callback.
const conflicting = defineRoute({
  name: 'createThing',
  methods: ['POST'],
  route: 'things',
  authLevel: 'anonymous',
  request: { body: z.object({ name: z.string() }) },
  responses: { 201: { description: 'created', schema: z.object({ name: z.string() }) } },
  handler: () => {
    throw httpError('conflict', 'A thing with this name exists.');
  },
});

describe('a synchronous handler that throws after an asynchronous body read', () => {
  it('answers the thrown problem, not an escaped error', async () => {
    const response = await invokeRoute(conflicting, { body: { name: 'x' } });
    expect(response.status).toBe(409);
    expect(response.json()).toMatchObject({
      status: 409,
      detail: 'A thing with this name exists.',
    });
  });
});
