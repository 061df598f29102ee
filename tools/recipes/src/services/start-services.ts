import type { Recipe } from '../read-recipes.js';
import type { LocalService, RunningService } from './local-service.js';
import { LOCAL_SERVICES } from './registry.js';

/** Starts a recipe's local services in order; if one fails, the ones already started are closed. */
export async function startServices(
  recipe: Recipe,
  registry: Readonly<Record<string, LocalService>> = LOCAL_SERVICES,
): Promise<RunningService> {
  const started: RunningService[] = [];
  const close = async (): Promise<void> => {
    for (const service of started.reverse()) await service.close();
  };
  try {
    for (const name of recipe.metadata.local.services) {
      const service = registry[name];
      if (!service) {
        throw new Error(
          `${recipe.path}: unknown local service "${name}"; known: ${Object.keys(registry).join(', ') || 'none'}`,
        );
      }
      started.push(await service.start(recipe));
    }
  } catch (error) {
    await close();
    throw error;
  }
  const env = Object.assign(
    {},
    recipe.metadata.local.env,
    ...started.map((service) => service.env),
  ) as Record<string, string>;
  return { env, close };
}
