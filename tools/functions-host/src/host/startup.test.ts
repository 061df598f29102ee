import { describe, expect, it } from 'vitest';

import { coreApi } from '../core/core-module.js';
import { StartupError } from '../startup/startup-error.js';
import { startFixture } from '../testing/fixture-host.js';

describe('start-up like the worker', () => {
  it('loads a package.json "main" glob, lists HTTP functions in name order', async () => {
    const host = await startFixture('kitchen-sink');
    await host.close();
    expect(
      host.functions.map((fn) => `${fn.name}: [${fn.methods.join(',')}] ${fn.template}`),
    ).toEqual([
      'boom: [GET] api/boom',
      'cookies: [GET] api/cookies',
      'echo: [GET,POST,PUT] api/echo/{id?}',
      'late-registration: [GET] api/late-registration',
      'no-content: [DELETE] api/no-content',
      'no-return: [GET] api/no-return',
      'override-header: [GET] api/override-header',
    ]);
  });

  it("registration is locked after start-up with the worker's error", async () => {
    const host = await startFixture('kitchen-sink');
    try {
      const response = await host.get('/api/late-registration');
      expect(await response.text()).toBe('A function can only be registered during app startup.');
    } finally {
      await host.close();
    }
  });

  it('several hosts in one process each re-run the app (CommonJS and ESM entry points)', async () => {
    for (const [fixture, path] of [
      ['hello', '/api/hello'],
      ['esm-app', '/hello/Ada'],
    ] as const) {
      const first = await startFixture(fixture);
      await first.close();
      const second = await startFixture(fixture);
      try {
        expect(second.functions).toHaveLength(1);
        expect((await second.get(path)).status).toBe(200);
      } finally {
        await second.close();
      }
    }
  });

  it('two hosts can run at once, each invoking its own app', async () => {
    const [hello, esm] = await Promise.all([startFixture('hello'), startFixture('esm-app')]);
    try {
      expect(await (await hello.get('/api/hello?name=A')).text()).toBe('Hello, A!');
      expect(await (await esm.get('/hello/B')).text()).toBe('ESM says hi to B');
    } finally {
      await Promise.all([hello.close(), esm.close()]);
    }
  });

  it('the programming model is remembered across hosts (the library sets it once per process)', async () => {
    const host = await startFixture('hello');
    await host.close();
    expect(coreApi.getProgrammingModel()?.name).toBe('@azure/functions');
  });

  it('banner lines look like func start: "name: [METHODS] url"', async () => {
    const { formatBanner } = await import('./format-banner.js');
    const host = await startFixture('routing');
    await host.close();
    const banner = formatBanner(host.functions, 'http://localhost:7071', undefined);
    expect(banner).toContain(
      '        products: [GET] http://localhost:7071/api/products/{category:alpha}/{id:int?}',
    );
  });
});

describe('bad apps refuse to start with a message naming the file or function', () => {
  const failure = async (fixture: string): Promise<string> => {
    const error = await startFixture(fixture).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(StartupError);
    return (error as Error).message;
  };

  it('missing "main"', async () => {
    expect(await failure('bad-no-main')).toMatch(/package\.json has no "main"/);
  });

  it('"main" matching no file', async () => {
    expect(await failure('bad-main-no-match')).toMatch(
      /No file matches "main": "dist\/\*\.js".*Build the app first/,
    );
  });

  it('a syntax error in the entry point', async () => {
    expect(await failure('bad-syntax')).toMatch(
      /unable to load entry point "main\.js": SyntaxError/,
    );
  });

  it('duplicate function names', async () => {
    expect(await failure('bad-duplicate')).toMatch(/"orders" was already registered.*rename one/);
  });

  it('an invalid route template', async () => {
    expect(await failure('bad-route')).toMatch(
      /Function "unclosed" has an invalid route "items\/\{id".*closing "}"/,
    );
  });

  it('an unknown route constraint', async () => {
    expect(await failure('bad-constraint')).toMatch(
      /Function "typo".*Unknown route constraint "integer"\. Use one of: int/,
    );
  });

  it('an app that registers no functions', async () => {
    expect(await failure('bad-no-functions')).toMatch(/registered no functions\. Call app\.http/);
  });

  it('no host.json', async () => {
    expect(await failure('bad-no-host-json')).toMatch(/No host\.json in .*bad-no-host-json/);
  });

  it('a failed start leaves no half-started host behind (the next app starts cleanly)', async () => {
    await failure('bad-duplicate');
    const host = await startFixture('hello');
    try {
      expect(host.functions.map((fn) => fn.name)).toEqual(['hello']);
    } finally {
      await host.close();
    }
  });
});
