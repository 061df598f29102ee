import { isHeaderName } from '../http/header-validation.js';
import { emptyResponse } from '../pipeline/gateway-response.js';
import type { RequestContext } from '../pipeline/request-context.js';
import { ReturnResponseSignal } from '../pipeline/signals.js';
import type { XmlElement } from '../xml/xml-element.js';
import { booleanAttribute, checkAttributes, checkChildren } from './attributes.js';
import type { CompileContext } from './compile-context.js';
import type { PolicyDefinition } from './policy-definition.js';

interface CorsRules {
  origins: string[];
  methods: string[];
  headers: string[];
  expose: string[];
  maxAge: number;
  allowCredentials: boolean;
  terminateUnmatched: boolean;
}

export const cors: PolicyDefinition = {
  sections: ['inbound'],
  compile(element, cc) {
    const rules = readRules(element, cc);
    return {
      preflight: (ctx) => preflight(ctx, rules),
      execute(ctx) {
        const origin = ctx.requestHeaders.get('origin');
        if (origin === undefined) return;
        if (originAllowed(rules, origin) && listed(rules.methods, ctx.method)) {
          ctx.responseHeaderHooks.push((headers) => {
            headers.set('Access-Control-Allow-Origin', [allowOriginValue(rules, origin)]);
            if (rules.allowCredentials) headers.set('Access-Control-Allow-Credentials', ['true']);
            if (rules.expose.length > 0)
              headers.set('Access-Control-Expose-Headers', [rules.expose.join(',')]);
            headers.append('Vary', ['Origin']);
          });
          return;
        }
        if (rules.terminateUnmatched && (ctx.method === 'GET' || ctx.method === 'HEAD')) {
          ctx.response = emptyResponse(200);
          throw new ReturnResponseSignal();
        }
      },
    };
  },
};

function readRules(element: XmlElement, cc: CompileContext): CorsRules {
  checkAttributes(element, cc, ['allow-credentials', 'terminate-unmatched-request']);
  checkChildren(element, cc, [
    'allowed-origins',
    'allowed-methods',
    'allowed-headers',
    'expose-headers',
  ]);
  const section = (
    name: string,
    item: string,
  ): { values: string[]; element: XmlElement | undefined } => {
    const found = element.children.filter((child) => child.name === name);
    if (found.length > 1) cc.fail(`<${name}> may appear only once`, found[1]?.line);
    const child = found[0];
    if (!child) return { values: [], element: undefined };
    const childCc = cc.at(name);
    checkChildren(child, childCc, [item]);
    return {
      element: child,
      values: child.children.map((c) => {
        checkChildren(c, childCc.at(item), []);
        return c.text.trim();
      }),
    };
  };
  const origins = section('allowed-origins', 'origin');
  const methods = section('allowed-methods', 'method');
  const headers = section('allowed-headers', 'header');
  const expose = section('expose-headers', 'header');
  if (!origins.element || origins.values.length === 0)
    cc.fail('cors needs <allowed-origins> with at least one <origin>', element.line);
  if (!headers.element) cc.fail('cors needs <allowed-headers>', element.line);
  for (const name of expose.values) {
    if (!isHeaderName(name))
      cc.fail(`<expose-headers>: "${name}" is not a valid HTTP header name`, expose.element?.line);
  }
  const allowCredentials = booleanAttribute(element, cc, 'allow-credentials', false);
  if (allowCredentials && origins.values.includes('*')) {
    cc.fail('allow-credentials="true" cannot be combined with <origin>*</origin>', element.line);
  }
  let maxAge = 0;
  if (methods.element) {
    checkAttributes(methods.element, cc.at('allowed-methods'), ['preflight-result-max-age']);
    maxAge = Number(methods.element.attributes['preflight-result-max-age'] ?? '0');
    if (!Number.isInteger(maxAge) || maxAge < 0)
      cc.fail('preflight-result-max-age must be a non-negative integer', methods.element.line);
  }
  return {
    origins: origins.values.map((o) => (o === '*' ? o : normalizeOrigin(o))),
    methods: methods.element ? methods.values.map((m) => m.toUpperCase()) : ['GET', 'POST'],
    headers: headers.values.map((h) => h.toLowerCase()),
    expose: expose.values,
    maxAge,
    allowCredentials,
    terminateUnmatched: booleanAttribute(element, cc, 'terminate-unmatched-request', false),
  };
}

function preflight(ctx: RequestContext, rules: CorsRules): boolean {
  const origin = ctx.requestHeaders.get('origin');
  const method = ctx.requestHeaders.get('access-control-request-method');
  if (origin === undefined || method === undefined) return false;
  const requested = (ctx.requestHeaders.get('access-control-request-headers') ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const matched =
    originAllowed(rules, origin) &&
    listed(rules.methods, method.toUpperCase()) &&
    requested.every((header) => listed(rules.headers, header));
  if (!matched && !rules.terminateUnmatched) return false;
  const response = emptyResponse(200);
  if (matched) {
    response.headers.set('Access-Control-Allow-Origin', [allowOriginValue(rules, origin)]);
    response.headers.set('Access-Control-Allow-Methods', [method.toUpperCase()]);
    if (requested.length > 0)
      response.headers.set('Access-Control-Allow-Headers', [requested.join(',')]);
    if (rules.allowCredentials) response.headers.set('Access-Control-Allow-Credentials', ['true']);
    if (rules.maxAge > 0) response.headers.set('Access-Control-Max-Age', [String(rules.maxAge)]);
  }
  ctx.response = response;
  return true;
}

function listed(values: string[], value: string): boolean {
  return values.includes('*') || values.includes(value);
}

function originAllowed(rules: CorsRules, origin: string): boolean {
  return rules.origins.includes('*') || rules.origins.includes(normalizeOrigin(origin));
}

function allowOriginValue(rules: CorsRules, origin: string): string {
  return rules.origins.includes('*') && !rules.allowCredentials ? '*' : origin;
}

// A missing port means the scheme default, so https://a and https://a:443 are the same origin.
function normalizeOrigin(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return origin;
  }
}
