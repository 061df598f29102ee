import { describe, expect, it } from 'vitest';

import { httpError, HttpProblem } from './http-problem.js';
import { problemCatalog, problemKeyForStatus, problemTypeUri } from './problem-catalog.js';

describe('problem catalog', () => {
  it('has unique slugs, kebab-case, with 4xx/5xx statuses', () => {
    const entries = Object.values(problemCatalog);
    expect(new Set(entries.map((entry) => entry.slug)).size).toBe(entries.length);
    for (const entry of entries) {
      expect(entry.slug).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(entry.status).toBeGreaterThanOrEqual(400);
      expect(entry.status).toBeLessThan(600);
    }
  });

  it('builds absolute type URIs (RFC 9457 §3.1.1)', () => {
    expect(problemTypeUri('notFound')).toBe('tag:azure-functions-cookbook,2026:problems/not-found');
    expect(() => new URL(problemTypeUri('validationFailed'))).not.toThrow();
  });

  it('maps statuses to their first catalog entry', () => {
    expect(problemKeyForStatus(404)).toBe('notFound');
    expect(problemKeyForStatus(400)).toBe('badRequest');
    expect(problemKeyForStatus(599)).toBe('internalError');
    expect(problemKeyForStatus(418)).toBe('badRequest');
  });

  it('httpError creates a throwable problem carrying status, detail and headers', () => {
    const problem = httpError('tooManyRequests', 'Slow down.', {
      headers: { 'retry-after': '10' },
    });
    expect(problem).toBeInstanceOf(HttpProblem);
    expect(problem).toBeInstanceOf(Error);
    expect(problem).toMatchObject({ key: 'tooManyRequests', status: 429, detail: 'Slow down.' });
    expect(problem.headers).toEqual({ 'retry-after': '10' });
  });
});
