export { allocatePorts, DEFAULT_PORT_BASE, type RecipePorts } from './allocate-ports.js';
export { readRecipes, type Recipe, RecipeMetadataError, WORKSPACE_ROOT } from './read-recipes.js';
export { type RecipeMetadata, RecipeMetadataSchema } from './recipe-metadata.js';
export {
  PAGE_GATEWAY_PORT,
  PAGE_HOST_PORT,
  type RecipeStack,
  type RecipeStackOptions,
  startRecipeStack,
} from './recipe-stack.js';
export {
  metadataLine,
  recipeTable,
  TABLE_END,
  TABLE_START,
  withRecipeTable,
} from './recipe-table.js';
export type { LocalService, RunningService } from './services/local-service.js';
export { LOCAL_SERVICES } from './services/registry.js';
