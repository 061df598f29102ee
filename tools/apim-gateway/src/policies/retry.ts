import type { ClientAbort } from '../http/client-abort.js';
import { runNodes } from '../pipeline/run-nodes.js';
import { ALL_SECTIONS } from '../pipeline/section.js';
import {
  checkAttributes,
  conditionAttribute,
  type Evaluator,
  integerAttribute,
} from './attributes.js';
import type { PolicyDefinition } from './policy-definition.js';
import type { PolicyNode } from './policy-node.js';

/**
 * APIM's retry: the child policies run once, then again while `condition` holds, at most `count`
 * more times, waiting between attempts (fixed, linear with `delta`, or exponential up to
 * `max-interval`; `first-fast-retry` makes the first retry immediate).
 */
export const retry: PolicyDefinition = {
  sections: ALL_SECTIONS,
  compile(element, cc) {
    checkAttributes(
      element,
      cc,
      ['condition', 'count', 'interval', 'max-interval', 'delta', 'first-fast-retry'],
      ['condition', 'count', 'interval'],
    );
    if (element.text.trim() !== '') cc.fail('<retry> takes policies, not text', element.line);
    const condition = conditionAttribute(element, cc, 'condition') as Evaluator<boolean>;
    const count = integerAttribute(element, cc, 'count', {
      min: 1,
      max: 50,
      expressions: true,
    }) as Evaluator<number>;
    const seconds = { min: 0, expressions: true };
    const interval = integerAttribute(element, cc, 'interval', seconds) as Evaluator<number>;
    const maxInterval = integerAttribute(element, cc, 'max-interval', seconds);
    const delta = integerAttribute(element, cc, 'delta', seconds);
    const firstFastRetry = conditionAttribute(element, cc, 'first-fast-retry') ?? (() => false);
    if (element.children.length === 0) cc.fail('<retry> needs at least one policy', element.line);
    const children: PolicyNode[] = cc.children(element.children);
    const streamed = flatten(children).filter((node) => node.streamsRequestBody === true);
    for (const node of streamed) {
      cc.services.log.warn(
        'forward-request inside retry streams the request body (buffer-request-body="false"): a request with a body cannot be retried; set buffer-request-body="true" (APIM reuses only a buffered body on retry)',
        { retry: `${cc.file} (${cc.path}, line ${element.line})`, forwardRequest: node.path },
      );
    }
    return {
      children,
      async execute(ctx) {
        await runNodes(children, ctx);
        const retries = count(ctx.scope);
        for (let attempt = 1; attempt <= retries && condition(ctx.scope); attempt++) {
          if (attempt > 1 || !firstFastRetry(ctx.scope)) {
            const wait = waitSeconds(attempt, {
              interval: interval(ctx.scope),
              maxInterval: maxInterval?.(ctx.scope),
              delta: delta?.(ctx.scope),
            });
            await sleep(wait * 1000, ctx.clientAbort);
          }
          await runNodes(children, ctx);
        }
      },
    };
  },
};

/** Learn's retry wait times: fixed, linear (interval + (n-1)·delta), or exponential up to max-interval. */
export function waitSeconds(
  attempt: number,
  settings: { interval: number; maxInterval: number | undefined; delta: number | undefined },
): number {
  const { interval, maxInterval, delta } = settings;
  if (delta === undefined) return Math.min(interval, maxInterval ?? interval);
  if (maxInterval === undefined) return interval + (attempt - 1) * delta;
  // Learn's example (interval = delta = 10, max 100): 10, 20, 40, 80, 100 s
  const jitter = 0.8 + Math.random() * 0.4;
  return Math.min(interval + (2 ** (attempt - 1) - 1) * delta * jitter, maxInterval);
}

/** Waits, or stops early when the client has gone (the next forward-request then fails fast). */
function sleep(ms: number, clientAbort: ClientAbort): Promise<void> {
  return new Promise((resolve) => {
    if (clientAbort.aborted || ms <= 0) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      clientAbort.offAbort(done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    clientAbort.onAbort(done);
  });
}

function flatten(nodes: readonly PolicyNode[]): PolicyNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children ?? [])]);
}
