import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

import { z } from 'zod';

import { GatewayLoadError } from '../xml/load-error.js';
import { type GatewayConfig, gatewayConfigSchema } from './gateway-config-schema.js';

export interface LoadedConfig {
  config: GatewayConfig;
  /** The file the config came from (for error messages). */
  file: string;
  /** Relative paths inside the config resolve against this directory. */
  baseDir: string;
}

export async function readGatewayConfig(path: string): Promise<LoadedConfig> {
  const file = resolve(path);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new GatewayLoadError(file, undefined, `cannot read config: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new GatewayLoadError(file, undefined, `invalid JSON: ${(error as Error).message}`);
  }
  return parseGatewayConfig(json, file, dirname(file));
}

export function parseGatewayConfig(input: unknown, file: string, baseDir: string): LoadedConfig {
  const result = gatewayConfigSchema.safeParse(input);
  if (!result.success) {
    throw new GatewayLoadError(
      file,
      undefined,
      `invalid gateway config:\n${z.prettifyError(result.error)}`,
    );
  }
  return { config: result.data, file, baseDir };
}
