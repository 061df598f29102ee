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
 * effectively does; specificity is NOT considered, Azure/azure-functions-host#3153). The host's
 * FunctionMetadataManager orders functions with `OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase)`
 * (a stable sort) and WebScriptHostHttpRoutesManager maps routes in that order.
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
  // Array.prototype.sort is stable, like LINQ's OrderBy: names equal ignoring case keep registration order.
  return routes.sort((a, b) => compareOrdinalIgnoreCase(a.fn.name, b.fn.name));
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

/**
 * .NET's StringComparer.OrdinalIgnoreCase: UTF-16 code units compared after simple (1:1) upper-case
 * mapping. No ICU collator: a fresh process would pay ~10 ms CPU to build one.
 */
export function compareOrdinalIgnoreCase(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const upperX = toUpperCodeUnit(x);
    const upperY = toUpperCodeUnit(y);
    if (upperX !== upperY) return upperX - upperY;
  }
  return a.length - b.length;
}

function toUpperCodeUnit(code: number): number {
  if (code < 0x80) return code >= 0x61 && code <= 0x7a ? code - 0x20 : code;
  // Simple case mapping only: a character whose upper case is longer (ß → SS) stays itself, as in .NET.
  const upper = String.fromCharCode(code).toUpperCase();
  return upper.length === 1 ? upper.charCodeAt(0) : code;
}

function isDisabled(name: string, env: NodeJS.ProcessEnv): boolean {
  const value = env[`AzureWebJobs.${name}.Disabled`] ?? env[`AzureWebJobs__${name}__Disabled`];
  return value !== undefined && /^(true|1)$/i.test(value.trim());
}
