import { createRequire } from 'node:module';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type FixtureHost, startFixture } from '../testing/fixture-host.js';
import {
  coreApi,
  EMULATED_HOST_VERSION,
  installCoreModule,
  WORKER_VERSION,
} from './core-module.js';
import { Disposable } from './disposable.js';

describe('@azure/functions-core (worker setupCoreModule)', () => {
  let host: FixtureHost;
  beforeAll(async () => {
    host = await startFixture('hello');
  });
  afterAll(() => host.close());

  it('require("@azure/functions-core") returns the core API object, other requests pass through', () => {
    installCoreModule();
    const require = createRequire(import.meta.url);
    expect(require('@azure/functions-core')).toBe(coreApi);
    expect(require('node:path')).toHaveProperty('join');
  });

  it('exposes version, hostVersion, log and Disposable', () => {
    expect(coreApi.version).toBe(WORKER_VERSION);
    expect(coreApi.hostVersion).toBe(EMULATED_HOST_VERSION);
    expect(typeof coreApi.log).toBe('function');
    expect(coreApi.Disposable).toBe(Disposable);
  });

  it('registerFunction after start-up throws the worker error', () => {
    expect(() => coreApi.registerFunction({ name: 'late', bindings: {} }, () => undefined)).toThrow(
      'A function can only be registered during app startup.',
    );
  });

  it('registerHook returns a Disposable; disposing removes the hook', async () => {
    const seen: string[] = [];
    const disposable = coreApi.registerHook('preInvocation', ((context: {
      invocationContext: { functionName: string };
    }) => {
      seen.push(context.invocationContext.functionName);
    }) as never);
    await host.get('/api/hello');
    disposable.dispose();
    await host.get('/api/hello');
    expect(seen).toEqual(['hello']);
  });

  it('log() outside an invocation reaches the host log as a system entry, after log hooks ran', () => {
    const hookSaw: string[] = [];
    const hook = coreApi.registerHook('log', ((context: { message: string; category: string }) => {
      hookSaw.push(`${context.category}:${context.message}`);
    }) as never);
    coreApi.log('warning', 'system', 'from outside an invocation');
    hook.dispose();
    expect(hookSaw).toEqual(['system:from outside an invocation']);
    expect(host.logs.at(-1)).toMatchObject({
      level: 'warning',
      category: 'system',
      message: 'from outside an invocation',
    });
  });

  it('getProgrammingModel returns the model the library set', () => {
    expect(coreApi.getProgrammingModel()).toMatchObject({
      name: '@azure/functions',
      version: '4.16.5',
    });
  });
});

describe('Disposable', () => {
  it('from() disposes every member once', () => {
    const calls: string[] = [];
    const combined = Disposable.from(
      { dispose: () => calls.push('a') },
      new Disposable(() => calls.push('b')),
    );
    combined.dispose();
    combined.dispose();
    expect(calls).toEqual(['a', 'b']);
  });
});
