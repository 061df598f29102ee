import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';

import { applyBackendOverrides, type BackendOverrides } from '../config/backend-overrides.js';
import type { GatewayConfigInput } from '../config/gateway-config-schema.js';
import {
  type LoadedConfig,
  parseGatewayConfig,
  readGatewayConfig,
} from '../config/read-gateway-config.js';
import {
  DEFAULT_DEV_KEY_DIRECTORY,
  DEV_ISSUER_PATH,
  loadDevSigningKey,
  mintDevToken,
  type MintTokenOptions,
} from '../jwt/dev-issuer.js';
import type { GatewayLog } from '../policies/gateway-services.js';
import { writeAccessLog } from './access-log.js';
import { answerClientError } from './client-errors.js';
import { ConnectionDrain } from './connection-drain.js';
import { listen } from './listen.js';
import { type LoadedGateway, loadGateway } from './load-gateway.js';
import { serveRequest, type ServeState } from './serve-request.js';

export interface StartGatewayOptions {
  /** Path to local-gateway.json; or pass `config` (+ `baseDir` for relative paths). */
  configPath?: string;
  config?: GatewayConfigInput;
  baseDir?: string;
  port?: number;
  host?: string;
  env?: Record<string, string | undefined>;
  log?: GatewayLog;
  /** Where the dev issuer's RSA key lives (default ~/.cache/azure-functions-cookbook/apim-gateway-dev-issuer, or config devIssuer.keyDirectory). */
  devKeyDirectory?: string;
  /** Largest request body accepted (bytes, default 10 MiB); larger gets 413 before it is read. */
  maxBodyBytes?: number;
  /** Largest request line plus headers (bytes, default 32 KiB); larger gets 431. */
  maxHeaderBytes?: number;
  /** Time for the request line and headers to arrive (ms, default 60 000); slower gets 408. */
  headersTimeoutMs?: number;
  /** Time for the whole request, body included, to arrive (ms, default 300 000); slower gets 408. */
  requestTimeoutMs?: number;
  /** On close(), how long in-flight requests may take to finish (ms, default 10 000). */
  drainTimeoutMs?: number;
  /** Replace backend URLs from the config (e.g. the port of the Functions host actually started). */
  overrides?: BackendOverrides;
}

export interface RunningGateway {
  url: string;
  /** First configured subscription key, for local calls. */
  subscriptionKey: string | undefined;
  /** Mints a token this gateway's dev issuer signs (issuer/audience default to the config's devIssuer). */
  mintToken(options?: Omit<MintTokenOptions, 'key' | 'keyDirectory'>): Promise<string>;
  openIdConfigurationUrl: string;
  /** Stops accepting, lets in-flight requests finish (up to drainTimeoutMs), then closes every connection. */
  close(): Promise<void>;
}

const silentLog: GatewayLog = { info: () => undefined, warn: () => undefined };

export async function startGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  const loaded = applyBackendOverrides(await loadConfig(options), options.overrides ?? {});
  const log = options.log ?? silentLog;
  const keyDirectory =
    options.devKeyDirectory ??
    (loaded.config.devIssuer.keyDirectory
      ? resolve(loaded.baseDir, loaded.config.devIssuer.keyDirectory)
      : DEFAULT_DEV_KEY_DIRECTORY);
  const devKey = await loadDevSigningKey(keyDirectory);
  const server = createServer({
    maxHeaderSize: options.maxHeaderBytes ?? 32 * 1024,
    headersTimeout: options.headersTimeoutMs ?? 60_000,
    requestTimeout: options.requestTimeoutMs ?? 300_000,
    // how often Node looks for expired header/request timers (its default, 30 s, would let a slow head linger)
    connectionsCheckingInterval: 1_000,
  });
  const drain = new ConnectionDrain(server);
  const state: ServeState = {
    gateway: undefined,
    gatewayUrl: '',
    devKey,
    maxBodyBytes: options.maxBodyBytes ?? 10 * 1024 * 1024,
    log,
    draining: () => drain.draining,
  };
  const handle =
    (expectsContinue: boolean) =>
    (req: IncomingMessage, res: ServerResponse): void => {
      // in flight until the response is flushed (or the client is gone), so drain never cuts it short
      res.once('close', drain.begin());
      void serveRequest(req, res, state, expectsContinue);
    };
  server.on('request', handle(false));
  // Expect: 100-continue gets its 100 only once the head has passed the key and size checks.
  server.on('checkContinue', handle(true));
  server.on('clientError', (error: Error & { code?: string }, socket) => {
    const answered = answerClientError(error, socket);
    if (answered) writeAccessLog(log, { ...answered, durationMs: 0, requestId: '' });
  });
  state.gatewayUrl = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const close = (): Promise<void> => drain.close(options.drainTimeoutMs ?? 10_000);
  let gateway: LoadedGateway;
  try {
    gateway = await loadGateway(loaded, {
      env: options.env ?? process.env,
      gatewayUrl: state.gatewayUrl,
      log,
    });
  } catch (error) {
    await close();
    throw error;
  }
  state.gateway = gateway;
  return {
    url: state.gatewayUrl,
    subscriptionKey: gateway.subscriptionsByKey.keys().next().value,
    openIdConfigurationUrl: `${state.gatewayUrl}${DEV_ISSUER_PATH}/.well-known/openid-configuration`,
    mintToken: (tokenOptions = {}) =>
      mintDevToken({
        issuer: gateway.devIssuer.issuer,
        ...(gateway.devIssuer.audience ? { audience: gateway.devIssuer.audience } : {}),
        ...(gateway.devIssuer.subject ? { subject: gateway.devIssuer.subject } : {}),
        ...(loaded.config.devIssuer.tokenLifetimeSeconds
          ? { expiresInSeconds: loaded.config.devIssuer.tokenLifetimeSeconds }
          : {}),
        ...tokenOptions,
        key: devKey,
      }),
    close,
  };
}

async function loadConfig(options: StartGatewayOptions): Promise<LoadedConfig> {
  if (options.configPath) return readGatewayConfig(options.configPath);
  if (!options.config) throw new Error('startGateway needs configPath or config');
  const baseDir = resolve(options.baseDir ?? process.cwd());
  return parseGatewayConfig(options.config, '<inline gateway config>', baseDir);
}
