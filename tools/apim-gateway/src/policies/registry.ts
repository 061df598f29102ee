import { cacheLookup } from './cache-lookup.js';
import { cacheStore } from './cache-store.js';
import { cacheLookupValue, cacheRemoveValue, cacheStoreValue } from './cache-value.js';
import { checkHeader } from './check-header.js';
import { choose } from './choose.js';
import { cors } from './cors.js';
import { forwardRequest } from './forward-request.js';
import { ipFilter } from './ip-filter.js';
import {
  authenticationManagedIdentity,
  emitMetric,
  logToEventHub,
  trace,
} from './logged-no-ops.js';
import { mockResponse } from './mock-response.js';
import type { PolicyDefinition } from './policy-definition.js';
import { quotaByKey } from './quota-by-key.js';
import { rateLimit, rateLimitByKey } from './rate-limit.js';
import { retry } from './retry.js';
import { returnResponse } from './return-response.js';
import { rewriteUri } from './rewrite-uri.js';
import { setBackendService } from './set-backend-service.js';
import { setBody } from './set-body.js';
import { setHeader } from './set-header.js';
import { setQueryParameter } from './set-query-parameter.js';
import { setStatus } from './set-status.js';
import { setVariable } from './set-variable.js';
import { validateJwt } from './validate-jwt.js';

/** Every policy element the local gateway runs; anything else is rejected at load. */
export const POLICIES: Readonly<Record<string, PolicyDefinition>> = {
  'authentication-managed-identity': authenticationManagedIdentity,
  'cache-lookup': cacheLookup,
  'cache-lookup-value': cacheLookupValue,
  'cache-remove-value': cacheRemoveValue,
  'cache-store': cacheStore,
  'cache-store-value': cacheStoreValue,
  'check-header': checkHeader,
  choose,
  cors,
  'emit-metric': emitMetric,
  'forward-request': forwardRequest,
  'ip-filter': ipFilter,
  'log-to-eventhub': logToEventHub,
  'mock-response': mockResponse,
  'quota-by-key': quotaByKey,
  'rate-limit': rateLimit,
  'rate-limit-by-key': rateLimitByKey,
  retry,
  'return-response': returnResponse,
  'rewrite-uri': rewriteUri,
  'set-backend-service': setBackendService,
  'set-body': setBody,
  'set-header': setHeader,
  'set-query-parameter': setQueryParameter,
  'set-status': setStatus,
  'set-variable': setVariable,
  trace,
  'validate-jwt': validateJwt,
};
