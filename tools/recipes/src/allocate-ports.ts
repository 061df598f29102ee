import type { Recipe } from './read-recipes.js';

/** The ports one recipe gets when every recipe runs side by side (e2e, the site's examples). */
export interface RecipePorts {
  host: number;
  /** Set when APIM fronts the recipe. */
  gateway: number | undefined;
}

/** Default first port; `COOKBOOK_PORT_BASE` moves the whole range when it clashes with something. */
export const DEFAULT_PORT_BASE = 17100;

/** Two ports per recipe in name order from `base`: ports are derived from the registry, never written down. */
export function allocatePorts(
  recipes: readonly Recipe[],
  base = Number(process.env['COOKBOOK_PORT_BASE'] ?? DEFAULT_PORT_BASE),
): Map<string, RecipePorts> {
  if (!Number.isInteger(base) || base < 1024 || base > 65535 - 2 * recipes.length) {
    throw new Error(
      `COOKBOOK_PORT_BASE must be an integer from 1024 to ${65535 - 2 * recipes.length}, got ${base}`,
    );
  }
  const byName = [...recipes].sort((a, b) => a.name.localeCompare(b.name));
  return new Map(
    byName.map((recipe, index) => [
      recipe.name,
      {
        host: base + 2 * index,
        gateway: recipe.metadata.local.apimConfig ? base + 2 * index + 1 : undefined,
      },
    ]),
  );
}
