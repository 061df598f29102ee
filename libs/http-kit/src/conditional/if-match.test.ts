import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { HttpProblem } from '../errors/http-problem.js';
import { checkIfMatch, parseEntityTagList } from './if-match.js';

function problemOf(run: () => void): HttpProblem | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof HttpProblem) return error;
    throw error;
  }
}

describe('parseEntityTagList', () => {
  it('reads *, one tag and a list, weak tags included', () => {
    expect(parseEntityTagList('*')).toEqual(['*']);
    expect(parseEntityTagList('"a"')).toEqual(['"a"']);
    expect(parseEntityTagList(' "a" , W/"b" ')).toEqual(['"a"', 'W/"b"']);
  });

  it('refuses unquoted tags and empty lists', () => {
    for (const value of ['a', '"a', 'W/a', ',', '"a" b', '"a"b"']) {
      expect(parseEntityTagList(value), value).toBeUndefined();
    }
  });
});

describe('checkIfMatch (RFC 9110 §13.1.1, RFC 6585 §3)', () => {
  const current = '"7.2"';

  it('passes the current tag, * and a list that contains it', () => {
    for (const value of ['"7.2"', '*', '"7.1", "7.2"']) {
      expect(
        problemOf(() => checkIfMatch(value, current)),
        value,
      ).toBeUndefined();
    }
  });

  it('answers a stale tag with 412 and the current ETag', () => {
    const problem = problemOf(() => checkIfMatch('"7.1"', current));
    expect(problem?.status).toBe(412);
    expect(problem?.headers).toEqual({ etag: current });
  });

  it('uses strong comparison: the weak form of the current tag is 412', () => {
    expect(problemOf(() => checkIfMatch('W/"7.2"', current))?.status).toBe(412);
  });

  it('answers a malformed header with 400', () => {
    expect(problemOf(() => checkIfMatch('7.2', current))?.status).toBe(400);
  });

  it('lets a missing header through unless required, then 428', () => {
    expect(problemOf(() => checkIfMatch(null, current))).toBeUndefined();
    expect(problemOf(() => checkIfMatch(undefined, current))).toBeUndefined();
    const problem = problemOf(() => checkIfMatch('  ', current, { required: true }));
    expect(problem?.status).toBe(428);
    expect(problem?.key).toBe('preconditionRequired');
  });

  it('never throws anything but an HttpProblem of 400/412/428, whatever the header', () => {
    fc.assert(
      fc.property(fc.string(), fc.boolean(), (value, required) => {
        const problem = problemOf(() => checkIfMatch(value, current, { required }));
        if (problem) expect([400, 412, 428]).toContain(problem.status);
      }),
    );
  });
});
