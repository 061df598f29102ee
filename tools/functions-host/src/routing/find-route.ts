import type { HttpRoute } from './http-function.js';
import { matchRouteTemplate } from './match-route-template.js';

export interface RouteMatch {
  route: HttpRoute;
  params: Record<string, string>;
}

/**
 * First route (in table order) whose template and method both match. A method mismatch is just
 * "no match", so it ends in 404 like the host (Azure/azure-functions-host#10098).
 */
export function findRoute(
  routes: HttpRoute[],
  method: string,
  path: string[],
): RouteMatch | undefined {
  const upper = method.toUpperCase();
  for (const route of routes) {
    const { methods } = route.fn;
    if (methods.length > 0 && !methods.includes(upper)) continue;
    const params = matchRouteTemplate(route.template, path);
    if (params) return { route, params };
  }
  return undefined;
}
