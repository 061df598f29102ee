import { join } from 'node:path';

import { allocatePorts, readRecipes, type Recipe, type RecipePorts } from '@cookbook/recipes';

/** Every recipe of the registry, run side by side by the local stack. */
export const recipes: Recipe[] = readRecipes();
const ports = allocatePorts(recipes);

/** Dev-only host key the local hosts accept and the local gateways send, like APIM's named value. */
export const localFunctionsHostKey = 'local-dev-functions-host-key';

function portsOf(name: string): { recipe: Recipe; ports: RecipePorts } {
  const recipe = recipes.find((candidate) => candidate.name === name);
  const allocated = ports.get(name);
  if (!recipe || !allocated) throw new Error(`No recipe "${name}" in the registry`);
  return { recipe, ports: allocated };
}

/** Base URL of a recipe's local Functions host (no gateway in front). */
export function localHostUrl(name: string): string {
  return `http://127.0.0.1:${portsOf(name).ports.host}`;
}

/** Base URL of the local APIM gateway in front of a recipe. */
export function localGatewayUrl(name: string): string {
  const { ports: allocated } = portsOf(name);
  if (allocated.gateway === undefined)
    throw new Error(`${name} has no APIM gateway in its metadata`);
  return `http://127.0.0.1:${allocated.gateway}`;
}

/** Absolute path of a recipe's local gateway config. */
export function localGatewayConfigPath(name: string): string {
  const { recipe } = portsOf(name);
  if (!recipe.metadata.local.apimConfig)
    throw new Error(`${name} has no APIM gateway in its metadata`);
  return join(recipe.dir, recipe.metadata.local.apimConfig);
}

/** The allocated ports of a recipe. */
export function localPorts(name: string): RecipePorts {
  return portsOf(name).ports;
}
