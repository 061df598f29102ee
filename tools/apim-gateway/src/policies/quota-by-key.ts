import { ExpressionRuntimeError } from '../expressions/expression-error.js';
import { errorResponse } from '../pipeline/gateway-response.js';
import { PolicyFailure } from '../pipeline/signals.js';
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
import type { PolicyDefinition } from './policy-definition.js';

export const quotaByKey: PolicyDefinition = {
  sections: ['inbound'],
  compile(element, cc) {
    checkAttributes(
      element,
      cc,
      [
        'calls',
        'bandwidth',
        'renewal-period',
        'counter-key',
        'increment-condition',
        'increment-count',
        'first-period-start',
      ],
      ['renewal-period', 'counter-key'],
    );
    checkChildren(element, cc, []);
    checkNoText(element, cc);
    if (element.attributes['bandwidth'] !== undefined) {
      cc.fail(
        'quota-by-key bandwidth is not supported by the local gateway (use calls)',
        element.line,
      );
    }
    if (element.attributes['calls'] === undefined)
      cc.fail('quota-by-key requires attribute "calls"', element.line);
    const calls = integerAttribute(element, cc, 'calls', {
      min: 1,
      expressions: true,
    }) as Evaluator<number>;
    const period = integerAttribute(element, cc, 'renewal-period', {
      min: 0,
      expressions: true,
    }) as Evaluator<number>;
    const literalPeriod = Number(element.attributes['renewal-period']);
    if (literalPeriod > 0 && literalPeriod < 300) {
      cc.fail(
        'quota-by-key renewal-period must be 0 (never renews) or at least 300 seconds',
        element.line,
      );
    }
    const counterKey = stringAttribute(element, cc, 'counter-key');
    const condition = conditionAttribute(element, cc, 'increment-condition');
    const count = integerAttribute(element, cc, 'increment-count', {
      min: 1,
      expressions: true,
      fallback: 1,
    }) as Evaluator<number>;
    const firstStartRaw =
      literalAttribute(element, cc, 'first-period-start') ?? '0001-01-01T00:00:00Z';
    const firstStart = Date.parse(firstStartRaw);
    if (Number.isNaN(firstStart))
      cc.fail(`first-period-start "${firstStartRaw}" is not an ISO 8601 date`, element.line);
    return {
      execute(ctx) {
        const renewal = period(ctx.scope);
        if (renewal !== 0 && renewal < 300) {
          throw new ExpressionRuntimeError(
            `quota-by-key renewal-period must be 0 or at least 300 seconds, got ${renewal}`,
          );
        }
        const key = `quota-by-key:${asString(counterKey?.evaluate(ctx.scope))}`;
        const quotas = cc.services.quotas;
        const check = quotas.check(key, calls(ctx.scope), renewal, firstStart);
        if (!check.allowed) {
          const finite = Number.isFinite(check.renewsInSeconds);
          const message = finite
            ? `Out of call volume quota. Quota will be replenished in ${formatTimeSpan(check.renewsInSeconds)}.`
            : 'Out of call volume quota.';
          throw new PolicyFailure(
            {
              source: 'quota-by-key',
              reason: 'QuotaExceeded',
              message: 'Out of call volume quota',
            },
            errorResponse(
              403,
              message,
              {},
              finite ? { 'Retry-After': String(check.renewsInSeconds) } : {},
            ),
          );
        }
        const increment = count(ctx.scope);
        if (!condition) {
          quotas.record(key, renewal, firstStart, increment);
          return;
        }
        ctx.afterResponse.push(() => {
          if (condition(ctx.scope)) quotas.record(key, renewal, firstStart, increment);
        });
      },
    };
  },
};

/** .NET TimeSpan "c" format: [d.]hh:mm:ss */
export function formatTimeSpan(totalSeconds: number): string {
  const days = Math.floor(totalSeconds / 86_400);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const time = `${pad(Math.floor((totalSeconds % 86_400) / 3600))}:${pad(Math.floor((totalSeconds % 3600) / 60))}:${pad(totalSeconds % 60)}`;
  return days > 0 ? `${days}.${time}` : time;
}
