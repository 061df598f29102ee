import type { AnyRoute } from '../route/route-types.js';

/** Names a route's schemas in error messages and anonymous components. */
export function labelOf(route: AnyRoute, part: string): string {
  return `${route.operationId ?? route.name}_${part}`;
}
