import type { APIResponse } from '@playwright/test';

import { expect } from '../fixtures.js';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  correlationId?: string;
  statusCode?: number;
  message?: string;
  errors?: { pointer: string; message: string }[];
}

/** Asserts the RFC 9457 envelope that both the gateway and the function use. */
export async function expectProblem(response: APIResponse, status: number): Promise<ProblemBody> {
  expect(response.status()).toBe(status);
  expect(response.headers()['content-type']).toMatch(/^application\/problem\+json/);
  const body = (await response.json()) as ProblemBody;
  expect(body.status).toBe(status);
  expect(typeof body.type).toBe('string');
  expect(typeof body.title).toBe('string');
  expect(body.correlationId).toBeTruthy();
  expect(response.headers()['x-correlation-id']).toBe(body.correlationId);
  expect(JSON.stringify(body)).not.toMatch(/\bat .+\(.+:\d+:\d+\)/);
  return body;
}
