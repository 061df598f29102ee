import type { HttpRoute } from './http-function.js';
import { matchRouteTemplate } from './match-route-template.js';

export interface RouteMatch {
  route: HttpRoute;
  params: Record<string, string>;
}

/**
 * The route table indexed by its first path segment: for each literal first segment, the routes
 * that can match a path starting with it, still in table (function-name) order.
 */
export interface RouteIndex {
  byFirstSegment: Map<string, HttpRoute[]>;
  /** Routes whose first segment is not a plain literal: candidates for every path. */
  other: HttpRoute[];
}

/** Precomputes the index once at start-up; lookups then skip routes that cannot match. */
export function indexRoutes(routes: HttpRoute[]): RouteIndex {
  const literalOf = (route: HttpRoute): string | undefined => {
    const parts = route.template.segments[0]?.parts;
    const only = parts?.length === 1 ? parts[0] : undefined;
    return only?.kind === 'literal' ? only.text.toLowerCase() : undefined;
  };
  const byFirstSegment = new Map<string, HttpRoute[]>();
  for (const route of routes) {
    const literal = literalOf(route);
    if (literal === undefined || byFirstSegment.has(literal)) continue;
    // Merge in table order so precedence between literal and parameter routes is unchanged.
    byFirstSegment.set(
      literal,
      routes.filter((candidate) => {
        const other = literalOf(candidate);
        return other === undefined || other === literal;
      }),
    );
  }
  return { byFirstSegment, other: routes.filter((route) => literalOf(route) === undefined) };
}

/**
 * First route (in table order) whose template and method both match. A method mismatch is just
 * "no match", so it ends in 404 like the host (Azure/azure-functions-host#10098).
 */
export function findRoute(
  routes: HttpRoute[] | RouteIndex,
  method: string,
  path: string[],
): RouteMatch | undefined {
  const upper = method.toUpperCase();
  const candidates = Array.isArray(routes)
    ? routes
    : (routes.byFirstSegment.get(path[0]?.toLowerCase() ?? '') ?? routes.other);
  for (const route of candidates) {
    const { methods } = route.fn;
    if (methods.length > 0 && !methods.includes(upper)) continue;
    const params = matchRouteTemplate(route.template, path);
    if (params) return { route, params };
  }
  return undefined;
}
