import type { JsonObject } from './openapi-types.js';

/** Security schemes for `authLevel: 'function' | 'admin'`: the host accepts the header or `?code=`. */
export const FUNCTION_KEY_SCHEMES: JsonObject = {
  functionKey: {
    type: 'apiKey',
    in: 'header',
    name: 'x-functions-key',
    description: 'Azure Functions key (function, host or master key depending on the auth level).',
  },
  functionKeyQuery: {
    type: 'apiKey',
    in: 'query',
    name: 'code',
    description: 'Azure Functions key as a query parameter (the header takes precedence).',
  },
};
