import { emptyResponse } from '../pipeline/gateway-response.js';
import { runNodes } from '../pipeline/run-nodes.js';
import { ALL_SECTIONS } from '../pipeline/section.js';
import { ReturnResponseSignal } from '../pipeline/signals.js';
import { checkAttributes, checkChildren } from './attributes.js';
import type { PolicyDefinition } from './policy-definition.js';
import type { PolicyNode } from './policy-node.js';

export const returnResponse: PolicyDefinition = {
  sections: ALL_SECTIONS,
  compile(element, cc) {
    checkAttributes(element, cc, ['response-variable-name']);
    if (element.attributes['response-variable-name'] !== undefined) {
      cc.fail(
        'return-response response-variable-name needs send-request, which the local gateway does not support',
        element.line,
      );
    }
    checkChildren(element, cc, ['set-status', 'set-header', 'set-body']);
    // Children always shape the new response, whatever section return-response sits in.
    const responseCc = cc.inResponseMode();
    const children: PolicyNode[] = responseCc.children(element.children);
    return {
      async execute(ctx) {
        ctx.response = emptyResponse();
        await runNodes(children, ctx);
        throw new ReturnResponseSignal();
      },
    };
  },
};
