import type { Recipe } from '../read-recipes.js';

/** A running local stand-in for something the recipe uses in Azure (storage, a database, a downstream API). */
export interface RunningService {
  /** App settings that point the recipe at the service. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** A local service a recipe names in its metadata (`local.services`). */
export interface LocalService {
  /** One line for logs and the page: what it stands in for. */
  description: string;
  start(recipe: Recipe): Promise<RunningService>;
}
