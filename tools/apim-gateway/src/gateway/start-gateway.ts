import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

import type { GatewayConfigInput } from '../config/gateway-config-schema.js';
import {
  type LoadedConfig,
  parseGatewayConfig,
  readGatewayConfig,
} from '../config/read-gateway-config.js';
import { HeaderBag } from '../http/header-bag.js';
import {
  DEFAULT_DEV_KEY_DIRECTORY,
  DEV_ISSUER_PATH,
  devOpenIdConfiguration,
  type DevSigningKey,
  loadDevSigningKey,
  mintDevToken,
  type MintTokenOptions,
} from '../jwt/dev-issuer.js';
import {
  errorResponse,
  type GatewayResponse,
  internalServerError,
} from '../pipeline/gateway-response.js';
import type { GatewayLog } from '../policies/gateway-services.js';
import { handleGatewayRequest } from './handle-request.js';
import { type LoadedGateway, loadGateway } from './load-gateway.js';

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
  /** Largest request body accepted (bytes). */
  maxBodyBytes?: number;
}

export interface RunningGateway {
  url: string;
  /** First configured subscription key, for local calls. */
  subscriptionKey: string | undefined;
  /** Mints a token this gateway's dev issuer signs (issuer/audience default to the config's devIssuer). */
  mintToken(options?: Omit<MintTokenOptions, 'key' | 'keyDirectory'>): Promise<string>;
  openIdConfigurationUrl: string;
  close(): Promise<void>;
}

const silentLog: GatewayLog = { info: () => undefined, warn: () => undefined };

export async function startGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  const loaded = await loadConfig(options);
  const keyDirectory =
    options.devKeyDirectory ??
    (loaded.config.devIssuer.keyDirectory
      ? resolve(loaded.baseDir, loaded.config.devIssuer.keyDirectory)
      : DEFAULT_DEV_KEY_DIRECTORY);
  const devKey = await loadDevSigningKey(keyDirectory);
  let gateway: LoadedGateway | undefined;
  let gatewayUrl = '';
  const maxBody = options.maxBodyBytes ?? 10 * 1024 * 1024;
  const server = createServer((req, res) => {
    void serve(req, res, { gateway, gatewayUrl, devKey, maxBody });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolveListen());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  gatewayUrl = `http://${host}:${address.port}`;
  const close = (): Promise<void> =>
    new Promise((resolveClose) => {
      server.close(() => resolveClose());
      server.closeAllConnections();
    });
  try {
    gateway = await loadGateway(loaded, {
      env: options.env ?? process.env,
      gatewayUrl,
      log: options.log ?? silentLog,
    });
  } catch (error) {
    await close();
    throw error;
  }
  const loadedGateway = gateway;
  return {
    url: gatewayUrl,
    subscriptionKey: loadedGateway.subscriptionsByKey.keys().next().value,
    openIdConfigurationUrl: `${gatewayUrl}${DEV_ISSUER_PATH}/.well-known/openid-configuration`,
    mintToken: (tokenOptions = {}) =>
      mintDevToken({
        issuer: loadedGateway.devIssuer.issuer,
        ...(loadedGateway.devIssuer.audience ? { audience: loadedGateway.devIssuer.audience } : {}),
        ...(loadedGateway.devIssuer.subject ? { subject: loadedGateway.devIssuer.subject } : {}),
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

interface ServeState {
  gateway: LoadedGateway | undefined;
  gatewayUrl: string;
  devKey: DevSigningKey;
  maxBody: number;
}

async function serve(req: IncomingMessage, res: ServerResponse, state: ServeState): Promise<void> {
  let response: GatewayResponse;
  try {
    response = await route(req, state);
  } catch (error) {
    state.gateway?.services.log.warn('unhandled gateway error', { error: String(error) });
    response = internalServerError(randomUUID());
  }
  writeResponse(res, req.method === 'HEAD', response);
}

async function route(req: IncomingMessage, state: ServeState): Promise<GatewayResponse> {
  const url = new URL(req.url ?? '/', state.gatewayUrl);
  const { gateway } = state;
  if (!gateway) return errorResponse(503, 'Gateway is starting');
  if (url.pathname.startsWith(`${DEV_ISSUER_PATH}/`))
    return devIssuerResponse(url.pathname, state, gateway);
  const body = await readBody(req, state.maxBody);
  if (body === undefined) return errorResponse(413, 'Request entity too large');
  return handleGatewayRequest(gateway, {
    method: req.method ?? 'GET',
    url,
    headers: HeaderBag.fromRaw(req.rawHeaders),
    body,
    clientIp: clientIp(req),
  });
}

function devIssuerResponse(
  pathname: string,
  state: ServeState,
  gateway: LoadedGateway,
): GatewayResponse {
  const json = (value: unknown): GatewayResponse => ({
    status: 200,
    reason: 'OK',
    headers: HeaderBag.from({ 'Content-Type': 'application/json' }),
    body: Buffer.from(JSON.stringify(value)),
  });
  if (pathname === `${DEV_ISSUER_PATH}/.well-known/openid-configuration`) {
    return json(devOpenIdConfiguration(state.gatewayUrl, gateway.devIssuer.issuer));
  }
  if (pathname === `${DEV_ISSUER_PATH}/discovery/keys`)
    return json({ keys: [state.devKey.publicJwk] });
  return errorResponse(404, 'Resource not found');
}

function clientIp(req: IncomingMessage): string {
  const ip = req.socket.remoteAddress ?? '';
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}

function readBody(req: IncomingMessage, max: number): Promise<Buffer | undefined> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) chunks.push(chunk);
    });
    req.on('end', () => resolveBody(size > max ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function writeResponse(res: ServerResponse, head: boolean, response: GatewayResponse): void {
  const headers: Record<string, string[]> = {};
  for (const [name, values] of response.headers) {
    if (['content-length', 'transfer-encoding', 'connection'].includes(name.toLowerCase()))
      continue;
    headers[name] = values;
  }
  headers['Content-Length'] = [String(response.body.length)];
  res.writeHead(response.status, response.reason || undefined, headers);
  res.end(head ? undefined : response.body);
}
