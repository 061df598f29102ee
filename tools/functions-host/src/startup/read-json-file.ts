import { readFile } from 'node:fs/promises';

import { StartupError } from './startup-error.js';

/** Reads a JSON file; `undefined` when it does not exist, a StartupError naming it when invalid. */
export async function readJsonFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StartupError(`Cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (error) {
    throw new StartupError(
      `${path} is not valid JSON (${(error as Error).message}). Fix the file.`,
      {
        cause: error,
      },
    );
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
