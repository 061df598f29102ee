import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterEach } from 'vitest';

import type { GatewayConfigInput } from '../src/config/gateway-config-schema.js';
import type { AccessLogEntry } from '../src/gateway/access-log.js';
import {
  type RunningGateway,
  startGateway,
  type StartGatewayOptions,
} from '../src/gateway/start-gateway.js';
import type { GatewayLog } from '../src/policies/gateway-services.js';
import { type RecordingBackend, startRecordingBackend } from '../src/testing.js';

export const FIXTURES: string = import.meta.dirname;
export const SUBSCRIPTION_KEY = 'test-subscription-key';

export interface TestGatewayOptions {
  apiPolicy?: string;
  globalPolicy?: string;
  operationPolicies?: Record<string, string>;
  namedValues?: GatewayConfigInput['namedValues'];
  api?: Partial<GatewayConfigInput['api']>;
  devIssuer?: GatewayConfigInput['devIssuer'];
  env?: Record<string, string | undefined>;
  useServiceUrl?: boolean;
  /** Server limits and timeouts (maxBodyBytes, headersTimeoutMs, drainTimeoutMs, …). */
  server?: Pick<
    StartGatewayOptions,
    'maxBodyBytes' | 'maxHeaderBytes' | 'headersTimeoutMs' | 'requestTimeoutMs' | 'drainTimeoutMs'
  >;
}

export interface TestGateway {
  gateway: RunningGateway;
  backend: RecordingBackend;
  logs: Array<{ level: string; message: string; fields?: Record<string, unknown> }>;
  /** The gateway's per-request access log lines (kept apart from `logs`). */
  accessLog: AccessLogEntry[];
  /** fetch relative to the gateway; sends the test subscription key unless `key: null`. */
  call(path: string, init?: RequestInit & { key?: string | null }): Promise<Response>;
  close(): Promise<void>;
}

let keyDirectory: Promise<string> | undefined;

/** One dev key pair per test run, outside the repo. */
export function testKeyDirectory(): Promise<string> {
  keyDirectory ??= mkdtemp(join(tmpdir(), 'apim-gateway-keys-'));
  return keyDirectory;
}

/** Writes the policies to a temp dir and starts a gateway in front of a recording loopback backend. */
export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const dir = await mkdtemp(join(tmpdir(), 'apim-gateway-test-'));
  const backend = await startRecordingBackend();
  const policies: NonNullable<GatewayConfigInput['api']['policies']> = {};
  if (options.globalPolicy) {
    await writeFile(join(dir, 'global.xml'), options.globalPolicy);
    policies.global = 'global.xml';
  }
  if (options.apiPolicy) {
    await writeFile(join(dir, 'api-policy.xml'), options.apiPolicy);
    policies.api = 'api-policy.xml';
  }
  for (const [operationId, xml] of Object.entries(options.operationPolicies ?? {})) {
    await writeFile(join(dir, `${operationId}.xml`), xml);
    (policies.operations ??= {})[operationId] = `${operationId}.xml`;
  }
  const logs: TestGateway['logs'] = [];
  const accessLog: AccessLogEntry[] = [];
  const log: GatewayLog = {
    info: (message, fields) => {
      if (message === 'request') accessLog.push(fields as unknown as AccessLogEntry);
      else logs.push({ level: 'info', message, ...(fields ? { fields } : {}) });
    },
    warn: (message, fields) => logs.push({ level: 'warn', message, ...(fields ? { fields } : {}) }),
  };
  let gateway: RunningGateway;
  try {
    gateway = await startGateway({
      config: {
        api: {
          path: 'api',
          openapi: resolve(FIXTURES, 'catalog-openapi.json'),
          ...(options.useServiceUrl === false ? {} : { serviceUrl: `${backend.url}/api` }),
          policies,
          ...options.api,
        },
        namedValues: { 'function-host-key': 'local-function-key', ...options.namedValues },
        subscriptions: [
          {
            id: 'dev',
            name: 'Developer',
            key: SUBSCRIPTION_KEY,
            secondaryKey: 'test-secondary-key',
          },
          { id: 'suspended', key: 'suspended-key', state: 'suspended' },
        ],
        backends: [
          {
            id: 'catalog-backend',
            url: `${backend.url}/api`,
            credentials: { header: { 'x-functions-key': ['{{function-host-key}}'] } },
          },
        ],
        ...(options.devIssuer ? { devIssuer: options.devIssuer } : {}),
      },
      baseDir: dir,
      env: options.env ?? {},
      log,
      devKeyDirectory: await testKeyDirectory(),
      ...options.server,
    });
  } catch (error) {
    await backend.close();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    gateway,
    backend,
    logs,
    accessLog,
    call(path, init = {}) {
      const { key, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (key !== null && !headers.has('Ocp-Apim-Subscription-Key'))
        headers.set('Ocp-Apim-Subscription-Key', key ?? SUBSCRIPTION_KEY);
      return fetch(`${gateway.url}${path}`, { ...rest, headers });
    },
    async close() {
      await gateway.close();
      await backend.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Wraps inbound/backend/outbound/on-error bodies in a policy document. */
export function policy(parts: {
  inbound?: string;
  backend?: string;
  outbound?: string;
  onError?: string;
}): string {
  return `<policies>
  <inbound>${parts.inbound ?? '<base />'}</inbound>
  <backend>${parts.backend ?? '<base />'}</backend>
  <outbound>${parts.outbound ?? '<base />'}</outbound>
  <on-error>${parts.onError ?? '<base />'}</on-error>
</policies>`;
}

/** For one test file: starts gateways on demand and closes them after each test. */
export function useTestGateways(): (options?: TestGatewayOptions) => Promise<TestGateway> {
  const started: TestGateway[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((gateway) => gateway.close()));
  });
  return async (options) => {
    const gateway = await startTestGateway(options);
    started.push(gateway);
    return gateway;
  };
}
