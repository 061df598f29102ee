import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type FixtureHost, fixturePath, startFixture } from '../testing/fixture-host.js';

type HookEvent = Record<string, unknown>;
const hookEvents = (): HookEvent[] =>
  (globalThis as { __hookEvents?: HookEvent[] }).__hookEvents ?? [];

describe('invocation pipeline (worker InvocationHandler)', () => {
  let host: FixtureHost;
  beforeAll(async () => {
    host = await startFixture('hooks');
  });
  afterAll(() => host.close());

  it('serves @azure/functions-core to app code and runs appStart hooks in registration order', () => {
    expect(hookEvents().slice(0, 2)).toEqual([
      { hook: 'appStart' },
      { hook: 'core appStart', dir: fixturePath('hooks') },
    ]);
  });

  it('runs preInvocation → handler → postInvocation with hookData shared between them', async () => {
    hookEvents().length = 0;
    const response = await host.get('/api/hooked');
    expect(await response.text()).toBe('handler result');
    expect(hookEvents()).toEqual([
      { hook: 'preInvocation', fn: 'hooked' },
      { hook: 'postInvocation', fromPre: 'shared', error: undefined },
    ]);
  });

  it('a preInvocation hook can replace functionCallback (read back by the worker)', async () => {
    expect(await (await host.get('/api/hooked?swap=handler')).text()).toBe(
      'swapped by preInvocation',
    );
  });

  it('a preInvocation hook can replace inputs (read back by the worker)', async () => {
    expect(await (await host.get('/api/hooked?swap=input')).text()).toBe('input was replaced');
  });

  it('a postInvocation hook can clear the error and replace the result', async () => {
    const response = await host.get('/api/hooked?fail=recoverable');
    expect(response.status).toBe(202);
    expect(await response.text()).toBe('recovered by postInvocation');
  });

  it('an unhandled error is a 500 with an empty body, logged with the invocation id; post hooks still run', async () => {
    hookEvents().length = 0;
    const response = await host.get('/api/hooked?fail=fatal');
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('');
    expect(hookEvents().at(-1)).toMatchObject({ hook: 'postInvocation', error: 'fatal' });
    const failure = host.logs.find((entry) =>
      entry.message.includes('Exception while executing function'),
    );
    expect(failure).toMatchObject({ level: 'error', functionName: 'hooked' });
    expect(failure?.invocationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(failure?.message).toContain('Exception: fatal');
  });

  it('context.log output carries invocation id and function name, and log hooks may rewrite user logs', async () => {
    host.logs.length = 0;
    await host.get('/api/hooked');
    const userLog = host.logs.find((entry) => entry.category === 'user');
    expect(userLog).toMatchObject({
      level: 'information',
      functionName: 'hooked',
      message: 'handler ran with secret=***',
    });
    const executing = host.logs.find((entry) =>
      entry.message.startsWith("Executing 'Functions.hooked'"),
    );
    expect(userLog?.invocationId).toBe(executing?.invocationId);
  });

  it('appTerminate hooks run on close()', async () => {
    const other = await startFixture('hooks');
    hookEvents().length = 0;
    await other.close();
    expect(hookEvents()).toEqual([{ hook: 'appTerminate', startedAt: 'app-start' }]);
  });
});

describe('responses (host RawScriptResult)', () => {
  let host: FixtureHost;
  beforeAll(async () => {
    host = await startFixture('kitchen-sink');
  });
  afterAll(() => host.close());

  it('status, headers and cookies → Set-Cookie, with host.json customHeaders added', async () => {
    const response = await host.get('/api/cookies');
    expect(response.status).toBe(201);
    expect(response.headers.get('x-custom')).toBe('yes');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.getSetCookie()).toEqual([
      'session=abc; max-age=60; path=/; secure; samesite=lax; httponly',
      'theme=dark; path=/app',
    ]);
    expect(await response.text()).toBe('with cookies');
  });

  it('a header the function sets wins over customHeaders', async () => {
    const response = await host.get('/api/override-header');
    expect(response.headers.get('x-content-type-options')).toBe('function-value');
  });

  it('no return value is 200 with an empty body (OkResult)', async () => {
    const response = await host.get('/api/no-return');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('204 carries no body', async () => {
    const response = await host.get('/api/no-content', { method: 'DELETE' });
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it('customHeaders also apply to host-generated 404s', async () => {
    const response = await host.get('/api/nowhere');
    expect(response.status).toBe(404);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('HTTP streams mode: hooks and host response rules that still apply', () => {
  it('preInvocation → handler → postInvocation run around a streamed invocation, hook data shared', async () => {
    const host = await startFixture('hooks', {}, 'streams');
    try {
      expect(host.streams).toBe(true);
      hookEvents().length = 0;
      const response = await host.get('/api/hooked');
      expect(await response.text()).toBe('handler result');
      expect(hookEvents()).toEqual([
        { hook: 'preInvocation', fn: 'hooked' },
        { hook: 'postInvocation', fromPre: 'shared', error: undefined },
      ]);
    } finally {
      await host.close();
    }
  });

  it("customHeaders are added (the function wins), 204 has no body; cookies are the library's own Set-Cookie (no default path)", async () => {
    const host = await startFixture('kitchen-sink', {}, 'streams');
    try {
      const cookies = await host.get('/api/cookies');
      expect(cookies.status).toBe(201);
      expect(cookies.headers.get('x-custom')).toBe('yes');
      expect(cookies.headers.get('x-content-type-options')).toBe('nosniff');
      expect(cookies.headers.getSetCookie()).toEqual([
        'session=abc; Max-Age=60; HttpOnly; Secure; SameSite=Lax',
        'theme=dark; Path=/app',
      ]);
      const overridden = await host.get('/api/override-header');
      expect(overridden.headers.get('x-content-type-options')).toBe('function-value');
      const empty = await host.get('/api/no-content', { method: 'DELETE' });
      expect([empty.status, empty.body]).toEqual([204, null]);
      const missing = await host.get('/api/nowhere');
      expect(missing.headers.get('x-content-type-options')).toBe('nosniff');
    } finally {
      await host.close();
    }
  });
});
