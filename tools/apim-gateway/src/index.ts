export { SlidingWindowLimiter } from './cache/sliding-window-limiter.js';
export type { BackendOverrides } from './config/backend-overrides.js';
export type {
  ApiConfig,
  BackendConfig,
  DevIssuerConfig,
  GatewayConfig,
  GatewayConfigInput,
  NamedValueConfig,
  PolicyFileConfig,
  SubscriptionConfig,
} from './config/gateway-config-schema.js';
export { gatewayConfigSchema } from './config/gateway-config-schema.js';
export {
  type LoadedConfig,
  parseGatewayConfig,
  readGatewayConfig,
} from './config/read-gateway-config.js';
export { type CompiledExpression, compileExpression } from './expressions/compile-expression.js';
export { ExpressionRuntimeError, ExpressionSyntaxError } from './expressions/expression-error.js';
export {
  type RunningGateway,
  startGateway,
  type StartGatewayOptions,
} from './gateway/start-gateway.js';
export {
  DEFAULT_DEV_AUDIENCE,
  DEFAULT_DEV_ISSUER,
  DEFAULT_DEV_KEY_DIRECTORY,
  DEV_ISSUER_PATH,
  loadDevSigningKey,
  mintDevToken,
  type MintTokenOptions,
} from './jwt/dev-issuer.js';
export {
  type RunningDevIssuer,
  startDevIssuer,
  type StartDevIssuerOptions,
} from './jwt/start-dev-issuer.js';
export type { GatewayLog } from './policies/gateway-services.js';
export { POLICIES } from './policies/registry.js';
export { GatewayLoadError } from './xml/load-error.js';
export type { PolicyFormat } from './xml/parse-xml.js';
