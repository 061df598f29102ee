import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The recipe folder the local host loads (package.json#main → dist/main.js). */
export const recipeDir: string = resolve(import.meta.dirname, '../..');

interface DevKeys {
  master: string;
  host: { default: string };
  functions: { protected: { default: string; next: string }; public: { default: string } };
}

/** The fixed dev keys the package.json metadata declares: the ones `nx serve`, e2e and the page use. */
export const devKeys: DevKeys = (
  JSON.parse(readFileSync(resolve(recipeDir, 'package.json'), 'utf8')) as {
    cookbook: { local: { keys: DevKeys } };
  }
).cookbook.local.keys;

/** Every dev key, to prove none of them ever shows up in a body or a log line. */
export const allDevKeys: readonly string[] = [
  devKeys.master,
  devKeys.host.default,
  devKeys.functions.protected.default,
  devKeys.functions.protected.next,
  devKeys.functions.public.default,
];
