export { compileRegexConstraint } from './dotnet-regex.js';
export { ROUTE_CONSTRAINT_NAMES } from './parse-constraint.js';
export { type FunctionRoute, parseFunctionRoute } from './parse-function-route.js';
export { parseRouteTemplate } from './parse-route-template.js';
export { printRouteTemplate } from './print-route-template.js';
export type {
  LiteralPart,
  ParameterPart,
  RouteConstraint,
  RouteTemplate,
  TemplatePart,
  TemplateSegment,
} from './route-template.js';
export { RouteTemplateError } from './route-template-error.js';
