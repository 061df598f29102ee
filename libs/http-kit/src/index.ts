export { computeEtag, etagMatches } from './caching/etag.js';
export type {
  ContextExtension,
  ContextExtensions,
  ContextValues,
} from './context/context-extension.js';
export { CORRELATION_ID_HEADER } from './context/correlation-id.js';
export { getRequestContext, type RequestContext } from './context/request-context.js';
export { httpError, HttpProblem, type HttpProblemOptions } from './errors/http-problem.js';
export {
  PROBLEM_TYPE_BASE,
  problemCatalog,
  type ProblemKey,
  type ProblemType,
  problemTypeUri,
} from './errors/problem-catalog.js';
export {
  PROBLEM_CONTENT_TYPE,
  type ProblemDetails,
  ProblemDetailsSchema,
  type ProblemFieldError,
} from './errors/problem-details.js';
export { apiDocsRoutes, type ApiDocsRoutesOptions } from './openapi/api-docs-routes.js';
export { buildOpenApiDocument } from './openapi/build-openapi-document.js';
export { openApiRoute, type OpenApiRouteOptions } from './openapi/openapi-route.js';
export type {
  JsonObject,
  JsonValue,
  OpenApiDocument,
  OpenApiInfo,
  OpenApiOptions,
  OpenApiServer,
} from './openapi/openapi-types.js';
export { readRoutePrefix, ROUTE_PREFIX_SETTING } from './openapi/read-route-prefix.js';
export { writeOpenApiDocument } from './openapi/write-openapi-document.js';
export { DEFAULT_BODY_LIMIT_BYTES } from './route/compile-route.js';
export { defineRoute } from './route/define-route.js';
export type {
  AnyRoute,
  AuthLevel,
  CacheOptions,
  HandlerContext,
  HttpMethod,
  ObjectSchema,
  RequestSchemas,
  ResponseSpec,
  ResponseSpecs,
  RouteConfig,
  RouteDefinition,
  RouteInput,
  RouteResult,
} from './route/route-types.js';
export type { TemplateParams } from './route/template-params.js';
export { toHttpFunctionOptions } from './route/to-http-function-options.js';
export {
  parseRouteTemplate,
  type RouteConstraint,
  type RouteTemplate,
  type TemplatePart as SegmentPart,
  type ParameterPart as TemplateParameter,
} from '@cookbook/route-template';
