import { ExpressionRuntimeError } from '../expressions/expression-error.js';
import {
  asString,
  checkAttributes,
  checkChildren,
  checkNoText,
  stringAttribute,
} from './attributes.js';
import type { PolicyDefinition } from './policy-definition.js';

export const setBackendService: PolicyDefinition = {
  sections: ['inbound', 'backend'],
  compile(element, cc) {
    checkAttributes(element, cc, ['base-url', 'backend-id']);
    checkChildren(element, cc, []);
    checkNoText(element, cc);
    const baseUrl = stringAttribute(element, cc, 'base-url');
    const backendId = stringAttribute(element, cc, 'backend-id');
    if ((baseUrl === undefined) === (backendId === undefined)) {
      cc.fail('set-backend-service needs exactly one of base-url or backend-id', element.line);
    }
    if (backendId && !backendId.isExpression && !cc.services.backends.has(backendId.source)) {
      const known = [...cc.services.backends.keys()].join(', ') || 'none';
      cc.fail(
        `backend-id "${backendId.source}" is not in the config's backends (known: ${known})`,
        element.line,
      );
    }
    if (baseUrl && !baseUrl.isExpression && !/^https?:\/\//.test(baseUrl.source)) {
      cc.fail(`base-url must be an absolute http(s) URL, got "${baseUrl.source}"`, element.line);
    }
    return {
      execute(ctx) {
        if (baseUrl) {
          const url = asString(baseUrl.evaluate(ctx.scope));
          if (!/^https?:\/\//.test(url))
            throw new ExpressionRuntimeError(`base-url "${url}" is not an absolute URL`);
          ctx.backend = { url, id: undefined };
          return;
        }
        const id = asString(backendId?.evaluate(ctx.scope));
        const backend = cc.services.backends.get(id);
        if (!backend) throw new ExpressionRuntimeError(`backend-id "${id}" is not configured`);
        ctx.backend = { url: backend.url, id: backend.id };
      },
    };
  },
};
