import {
  parseFunctionRoute,
  type RouteTemplate,
  RouteTemplateError,
} from '@cookbook/route-template';

import type { AuthLevel } from '../auth/authorize-request.js';
import type { RegisteredFunction } from '../core/app-runtime.js';
import { StartupError } from '../startup/startup-error.js';
import type { HttpRoute, RegisteredHttpFunction } from './http-function.js';

const AUTH_LEVELS: AuthLevel[] = ['anonymous', 'function', 'admin', 'system'];

/**
 * Builds the route table in the order the host tries routes: by function name (what Azure
 * effectively does; specificity is NOT considered, Azure/azure-functions-host#3153).
 */
export function buildRouteTable(
  functions: Iterable<RegisteredFunction>,
  routePrefix: string,
  env: NodeJS.ProcessEnv,
): HttpRoute[] {
  const routes: HttpRoute[] = [];
  for (const registered of functions) {
    const name = registered.metadata.name;
    const trigger = Object.entries(registered.metadata.bindings ?? {}).find(
      ([, binding]) => binding.type?.toLowerCase() === 'httptrigger',
    );
    if (!trigger) continue;
    const [triggerBindingName, binding] = trigger;
    const route =
      typeof binding['route'] === 'string' && binding['route'] !== '' ? binding['route'] : name;
    const template = parseRoute(name, route, routePrefix);
    if (
      template.segments[0]?.parts[0]?.kind === 'literal' &&
      /^admin$/i.test(template.text.split('/')[0] ?? '')
    ) {
      throw new StartupError(
        `Function "${name}" uses the route "${template.text}", but "admin/..." is reserved for the host's admin API. Choose another route.`,
      );
    }
    const authLevel = String(binding['authLevel'] ?? 'function').toLowerCase() as AuthLevel;
    if (!AUTH_LEVELS.includes(authLevel)) {
      throw new StartupError(
        `Function "${name}" has an unknown authLevel "${authLevel}". Use one of: ${AUTH_LEVELS.join(', ')}.`,
      );
    }
    const methods = Array.isArray(binding['methods'])
      ? (binding['methods'] as unknown[]).map((method) => String(method).toUpperCase())
      : [];
    const fn: RegisteredHttpFunction = {
      name,
      methods,
      route,
      template: template.text,
      authLevel,
      disabled: isDisabled(name, env),
      triggerBindingName,
    };
    routes.push({ fn, template });
  }
  return routes.sort((a, b) => compareNames(a.fn.name, b.fn.name));
}

/** The template the host registers (`prefix/route`), or a StartupError naming the function. */
function parseRoute(name: string, route: string, routePrefix: string): RouteTemplate {
  try {
    return parseFunctionRoute(route, routePrefix).template;
  } catch (error) {
    if (!(error instanceof RouteTemplateError)) throw error;
    const { template, position, reason, expected } = error;
    const fix =
      template === route
        ? `the route option of app.http("${name}", ...)`
        : 'extensions.http.routePrefix in host.json';
    throw new StartupError(
      `Function "${name}" has an invalid route "${template}" at position ${position}: ${reason}. ${expected}. Fix ${fix}.`,
    );
  }
}

function compareNames(a: string, b: string): number {
  const lower = a.toLowerCase().localeCompare(b.toLowerCase(), 'en');
  return lower !== 0 ? lower : a < b ? -1 : a > b ? 1 : 0;
}

function isDisabled(name: string, env: NodeJS.ProcessEnv): boolean {
  const value = env[`AzureWebJobs.${name}.Disabled`] ?? env[`AzureWebJobs__${name}__Disabled`];
  return value !== undefined && /^(true|1)$/i.test(value.trim());
}
