import { describe, expect, it } from 'vitest';

import { parseCurl } from './curl-command.js';
import { findPageCommands } from './page-exchanges.js';
import { normaliseOutput, renderResponse, shownHeaderNames } from './render-response.js';
import { shellWords } from './shell-words.js';

describe('shellWords', () => {
  it('splits like a shell: quotes, escapes, variables and command substitution', () => {
    expect(
      shellWords(
        `curl -H "$KEY" -H 'x: $NOT' "a\\"b" \${B}c $(echo hi)`,
        { KEY: 'k: v', B: 'b' },
        (cmd) => `[${cmd}]\n`,
      ),
    ).toEqual(['curl', '-H', 'k: v', '-H', 'x: $NOT', 'a"b', 'bc', '[echo hi]']);
  });

  it('refuses an unset variable or an open quote instead of guessing', () => {
    expect(() => shellWords('curl "$TOKEN"')).toThrow('$TOKEN is not set');
    expect(() => shellWords("curl 'open")).toThrow('unterminated');
  });
});

describe('parseCurl', () => {
  it('reads the flags recipe pages use', () => {
    expect(
      parseCurl(
        `curl -si -X PUT localhost:7071/api/x -H 'If-Match: "1"' -d '{"a":1}' -H 'Content-Type: application/json'`,
      ),
    ).toEqual({
      method: 'PUT',
      url: 'http://localhost:7071/api/x',
      headers: [
        ['If-Match', '"1"'],
        ['Content-Type', 'application/json'],
      ],
      body: '{"a":1}',
      includeHeaders: true,
      discardBody: false,
      writeOut: undefined,
    });
    expect(parseCurl('curl -d a=1 http://h:1/p')).toMatchObject({
      method: 'POST',
      headers: [['Content-Type', 'application/x-www-form-urlencoded']],
    });
  });

  it('rejects options it cannot reproduce', () => {
    expect(() => parseCurl('curl --compressed localhost:7071')).toThrow('not supported');
    expect(() => parseCurl('curl -o out.json localhost:7071')).toThrow('/dev/null');
  });
});

describe('findPageCommands', () => {
  const page = [
    'Intro',
    '```text',
    '$ curl -i localhost:7071/a',
    'HTTP/1.1 200 OK',
    'content-type: text/plain',
    '',
    'hi',
    '',
    '$ curl -s localhost:7071/b',
    'there',
    '```',
    '```bash',
    '$ npm ci',
    '```',
  ].join('\n');

  it('finds commands and their output in blocks that run curl, and nothing else', () => {
    expect(findPageCommands(page)).toEqual([
      {
        command: 'curl -i localhost:7071/a',
        output: ['HTTP/1.1 200 OK', 'content-type: text/plain', '', 'hi'],
        start: 2,
        end: 7,
      },
      { command: 'curl -s localhost:7071/b', output: ['there'], start: 8, end: 10 },
    ]);
  });
});

describe('renderResponse and normaliseOutput', () => {
  const response = {
    status: 404,
    statusText: 'Not Found',
    headers: new Headers({
      'content-type': 'application/problem+json',
      'x-correlation-id': '8605eb1f-47e2-4722-8006-9ac2993a12a6',
      date: 'x',
    }),
    body: '{"correlationId":"8605eb1f-47e2-4722-8006-9ac2993a12a6"}',
  };

  it('prints what curl -i prints, with only the headers the page shows', () => {
    const curl = parseCurl('curl -i localhost:7071/x');
    expect(renderResponse(curl, response, ['Content-Type'])).toEqual([
      'HTTP/1.1 404 Not Found',
      'Content-Type: application/problem+json',
      '',
      response.body,
    ]);
    expect(
      renderResponse(
        parseCurl(`curl -s -o /dev/null -w '%{http_code}\\n' localhost:7071/x`),
        response,
        [],
      ),
    ).toEqual(['404']);
    expect(
      renderResponse(
        parseCurl('curl -sN localhost:7071/events'),
        { ...response, body: 'id: 1\ndata: x\n\n' },
        [],
      ),
    ).toEqual(['id: 1', 'data: x']);
    expect(
      renderResponse(
        parseCurl(`curl -s -o /dev/null -w '%header{content-type}' localhost:7071/x`),
        response,
        [],
      ),
    ).toEqual(['application/problem+json']);
    expect(shownHeaderNames(['HTTP/1.1 200 OK', 'ETag: 1', 'x-a: 2', '', 'body: no'])).toEqual([
      'ETag',
      'x-a',
    ]);
  });

  it('ignores ids, timestamps and header-name case, and nothing else', () => {
    const run1 = [
      'HTTP/1.1 200 OK',
      'X-Correlation-Id: 8605eb1f-47e2-4722-8006-9ac2993a12a6',
      '',
      '{"at":"2026-11-28T19:08:44.667Z","n":1}',
    ];
    const run2 = [
      'HTTP/1.1 200 OK',
      'x-correlation-id: 11111111-2222-4333-8444-555555555555',
      '',
      '{"at":"2026-12-01T04:00:00Z","n":1}',
    ];
    expect(normaliseOutput(run1)).toEqual(normaliseOutput(run2));
    expect(normaliseOutput([...run1.slice(0, 3), '{"n":2}'])).not.toEqual(
      normaliseOutput([...run2.slice(0, 3), '{"n":1}']),
    );
  });
});
