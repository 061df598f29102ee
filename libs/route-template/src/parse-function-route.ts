import { parsePositioned } from './parse-route-template.js';
import type { RouteTemplate } from './route-template.js';
import { RouteTemplateError } from './route-template-error.js';

/** A function's route as the host registers it: the whole template and the function's own part. */
export interface FunctionRoute {
  /** What the host matches, prefix included: `api/items/{id:int}`. */
  readonly template: RouteTemplate;
  /** The route's own segments, relative to the prefix: `items/{id:int}` (what OpenAPI documents). */
  readonly route: RouteTemplate;
}

/**
 * Parses the `route` of `app.http(name, { route })` the way the host registers it: joined to the
 * route prefix as `prefix + "/" + route` (WebJobsRouteBuilder.BuildRouteTemplate) and parsed as one
 * template. So with a prefix a leading "/" makes `api//items`, which Azure refuses at start-up; with
 * `routePrefix: ""` it is trimmed. Errors point into `route` unless the prefix itself is invalid.
 *
 * @example parseFunctionRoute('items/{id:int}').template.text // 'api/items/{id:int}'
 */
export function parseFunctionRoute(route: string, routePrefix = 'api'): FunctionRoute {
  if (route === '') {
    throw new RouteTemplateError(
      route,
      0,
      'The route is empty',
      'Write the route out (with no route the host uses the function name)',
    );
  }
  if (routePrefix !== '' && route.startsWith('/')) {
    throw new RouteTemplateError(
      route,
      0,
      `The route has a leading "/": the host joins it to the prefix as "${routePrefix}/${route}", which ASP.NET Core rejects at start-up`,
      `Write "${route.replace(/^\/+/, '')}" (a leading "/" only works when routePrefix is "")`,
    );
  }
  const offset = routePrefix === '' ? 0 : routePrefix.length + 1;
  const whole = routePrefix === '' ? route : `${routePrefix}/${route}`;
  let parsed;
  try {
    parsed = parsePositioned(whole);
  } catch (error) {
    if (!(error instanceof RouteTemplateError) || error.position < offset) throw error;
    throw new RouteTemplateError(route, error.position - offset, error.reason, error.expected);
  }
  const { template, segmentStarts } = parsed;
  if (offset === 0) return { template, route: template };
  const own = template.segments.filter((_, index) => (segmentStarts[index] ?? 0) >= offset);
  return {
    template,
    route: {
      text: route,
      segments: own,
      parameters: own.flatMap(({ parts }) =>
        parts.flatMap((part) => (part.kind === 'parameter' ? [part] : [])),
      ),
    },
  };
}
