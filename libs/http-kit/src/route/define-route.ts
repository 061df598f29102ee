import type { ContextExtensions } from '../context/context-extension.js';
import { compileRoute } from './compile-route.js';
import { createRouteHandler } from './create-route-handler.js';
import type {
  AnyRoute,
  RequestSchemas,
  ResponseSpecs,
  RouteConfig,
  RouteDefinition,
  RouteResult,
} from './route-types.js';

/**
 * Declares a route once: the same object drives `app.http`, validation and OpenAPI.
 * Throws at definition time when the declaration is inconsistent (params vs template, ...).
 *
 * @example
 * export const getItem = defineRoute({
 *   name: 'getItem',
 *   methods: ['GET'],
 *   route: 'items/{id}',
 *   authLevel: 'function',
 *   request: { params: z.object({ id: z.string().min(1) }) },
 *   responses: { 200: { description: 'The item', schema: ItemSchema }, 404: { description: 'No such item' } },
 *   handler: async ({ params }) => ({ status: 200, body: await items.get(params.id) }),
 * });
 */
export function defineRoute<
  const TRoute extends string,
  const TRequest extends RequestSchemas = Record<never, never>,
  const TResponses extends ResponseSpecs = ResponseSpecs,
  const TContext extends ContextExtensions = Record<never, never>,
  // Inferring the result separately keeps `status: 200` literal, so it is checked per status.
  const TResult extends RouteResult<TResponses> = RouteResult<TResponses>,
>(
  config: RouteConfig<TRoute, TRequest, TResponses, TContext, TResult>,
): RouteDefinition<TRoute, TRequest, TResponses, TContext> {
  const route = { ...config } as unknown as RouteDefinition<TRoute, TRequest, TResponses, TContext>;
  const compiled = compileRoute(route as unknown as AnyRoute);
  return Object.freeze({ ...route, handle: createRouteHandler(compiled) });
}
