import { isHeaderName } from '../http/header-validation.js';
import { errorResponse } from '../pipeline/gateway-response.js';
import type { RequestContext } from '../pipeline/request-context.js';
import { PolicyFailure } from '../pipeline/signals.js';
import type { XmlElement } from '../xml/xml-element.js';
import {
  asString,
  checkAttributes,
  checkChildren,
  checkNoText,
  conditionAttribute,
  type Evaluator,
  integerAttribute,
  literalAttribute,
  stringAttribute,
} from './attributes.js';
import type { CompileContext } from './compile-context.js';
import type { PolicyDefinition } from './policy-definition.js';
import type { PolicyBehavior } from './policy-node.js';

const HEADER_ATTRIBUTES = [
  'retry-after-header-name',
  'retry-after-variable-name',
  'remaining-calls-header-name',
  'remaining-calls-variable-name',
  'total-calls-header-name',
];

interface LimitSettings {
  source: string;
  calls: Evaluator<number>;
  period: Evaluator<number>;
  counterKey: (ctx: RequestContext) => string | undefined;
  incrementCondition: Evaluator<boolean> | undefined;
  incrementCount: Evaluator<number>;
  names: Record<string, string | undefined>;
}

/** rate-limit: per subscription, only when the call carries a key (APIM skips keyless calls). */
export const rateLimit: PolicyDefinition = {
  sections: ['inbound'],
  compile(element, cc) {
    checkAttributes(
      element,
      cc,
      ['calls', 'renewal-period', ...HEADER_ATTRIBUTES],
      ['calls', 'renewal-period'],
    );
    checkChildren(element, cc, []);
    checkNoText(element, cc);
    const scopeKey = `${cc.scope}:${cc.file}:${cc.path}`;
    return limiter(cc, {
      source: 'rate-limit',
      calls: integerAttribute(element, cc, 'calls', { min: 1 }) as Evaluator<number>,
      period: integerAttribute(element, cc, 'renewal-period', {
        min: 1,
        max: 300,
      }) as Evaluator<number>,
      counterKey: (ctx) =>
        ctx.subscription ? `rate-limit:${ctx.subscription.id}:${scopeKey}` : undefined,
      incrementCondition: undefined,
      incrementCount: () => 1,
      names: headerNames(element, cc),
    });
  },
};

export const rateLimitByKey: PolicyDefinition = {
  sections: ['inbound'],
  compile(element, cc) {
    checkAttributes(
      element,
      cc,
      [
        'calls',
        'renewal-period',
        'counter-key',
        'increment-condition',
        'increment-count',
        ...HEADER_ATTRIBUTES,
      ],
      ['calls', 'renewal-period', 'counter-key'],
    );
    checkChildren(element, cc, []);
    checkNoText(element, cc);
    const counterKey = stringAttribute(element, cc, 'counter-key');
    return limiter(cc, {
      source: 'rate-limit-by-key',
      calls: integerAttribute(element, cc, 'calls', {
        min: 1,
        expressions: true,
      }) as Evaluator<number>,
      period: integerAttribute(element, cc, 'renewal-period', {
        min: 1,
        max: 300,
        expressions: true,
      }) as Evaluator<number>,
      counterKey: (ctx) => `rate-limit-by-key:${asString(counterKey?.evaluate(ctx.scope))}`,
      incrementCondition: conditionAttribute(element, cc, 'increment-condition'),
      incrementCount: integerAttribute(element, cc, 'increment-count', {
        min: 1,
        expressions: true,
        fallback: 1,
      }) as Evaluator<number>,
      names: headerNames(element, cc),
    });
  },
};

function headerNames(element: XmlElement, cc: CompileContext): Record<string, string | undefined> {
  return Object.fromEntries(
    HEADER_ATTRIBUTES.map((name) => {
      const value = literalAttribute(element, cc, name);
      if (value !== undefined && name.endsWith('-header-name') && !isHeaderName(value))
        cc.fail(`attribute "${name}": "${value}" is not a valid HTTP header name`, element.line);
      return [name, value];
    }),
  );
}

function limiter(cc: CompileContext, settings: LimitSettings): PolicyBehavior {
  const { names } = settings;
  return {
    execute(ctx) {
      const key = settings.counterKey(ctx);
      if (key === undefined) return;
      const calls = settings.calls(ctx.scope);
      const period = settings.period(ctx.scope);
      const limiter = cc.services.rateLimiter;
      const check = limiter.check(key, calls, period);
      if (!check.allowed) {
        const retryAfter = String(check.retryAfterSeconds);
        if (names['retry-after-variable-name'])
          ctx.variables.set(names['retry-after-variable-name'], check.retryAfterSeconds);
        if (names['remaining-calls-variable-name'])
          ctx.variables.set(names['remaining-calls-variable-name'], 0);
        const headers: Record<string, string> = {
          [names['retry-after-header-name'] ?? 'Retry-After']: retryAfter,
        };
        if (names['remaining-calls-header-name'])
          headers[names['remaining-calls-header-name']] = '0';
        if (names['total-calls-header-name'])
          headers[names['total-calls-header-name']] = String(calls);
        throw new PolicyFailure(
          {
            source: settings.source,
            reason: 'RateLimitExceeded',
            message: 'Rate limit is exceeded',
          },
          errorResponse(
            429,
            `Rate limit is exceeded. Try again in ${retryAfter} seconds.`,
            {},
            headers,
          ),
        );
      }
      const count = settings.incrementCount(ctx.scope);
      const remaining = Math.max(0, check.remaining - count);
      if (settings.incrementCondition) {
        // The documented increment-condition reads context.Response, so it runs once the response exists.
        const condition = settings.incrementCondition;
        ctx.afterResponse.push(() => {
          if (condition(ctx.scope)) limiter.record(key, period, count);
        });
      } else {
        limiter.record(key, period, count);
      }
      if (names['remaining-calls-variable-name'])
        ctx.variables.set(names['remaining-calls-variable-name'], remaining);
      if (names['remaining-calls-header-name'] || names['total-calls-header-name']) {
        ctx.responseHeaderHooks.push((headers) => {
          if (names['remaining-calls-header-name'])
            headers.set(names['remaining-calls-header-name'], [String(remaining)]);
          if (names['total-calls-header-name'])
            headers.set(names['total-calls-header-name'], [String(calls)]);
        });
      }
    },
  };
}
