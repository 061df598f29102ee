import { ALL_SECTIONS } from '../pipeline/section.js';
import {
  asString,
  checkAttributes,
  checkChildren,
  checkNoText,
  enumAttribute,
  stringAttribute,
  textValue,
} from './attributes.js';
import type { PolicyDefinition } from './policy-definition.js';

/** trace: evaluated and written to the gateway log (APIM sends it to request tracing / App Insights). */
export const trace: PolicyDefinition = {
  sections: ALL_SECTIONS,
  compile(element, cc) {
    checkAttributes(element, cc, ['source', 'severity'], ['source']);
    checkChildren(element, cc, ['message', 'metadata']);
    enumAttribute(element, cc, 'severity', ['verbose', 'information', 'error'], 'verbose');
    const source = stringAttribute(element, cc, 'source');
    const messages = element.children
      .filter((child) => child.name === 'message')
      .map((child) => textValue(child, cc.at('message')));
    const metadata = element.children
      .filter((child) => child.name === 'metadata')
      .map((child) => {
        checkAttributes(child, cc.at('metadata'), ['name', 'value'], ['name', 'value']);
        return {
          name: child.attributes['name'] ?? '',
          value: stringAttribute(child, cc.at('metadata'), 'value'),
        };
      });
    return {
      execute(ctx) {
        cc.services.log.info('trace', {
          source: asString(source?.evaluate(ctx.scope)),
          message: messages.map((m) => asString(m.evaluate(ctx.scope))).join('\n'),
          metadata: Object.fromEntries(
            metadata.map((m) => [m.name, asString(m.value?.evaluate(ctx.scope))]),
          ),
          requestId: ctx.requestId,
        });
      },
    };
  },
};

export const emitMetric: PolicyDefinition = {
  sections: ALL_SECTIONS,
  compile(element, cc) {
    checkAttributes(element, cc, ['name', 'namespace', 'value'], ['name']);
    checkChildren(element, cc, ['dimension']);
    for (const child of element.children)
      checkAttributes(child, cc.at('dimension'), ['name', 'value'], ['name']);
    const value = stringAttribute(element, cc, 'value');
    return {
      execute(ctx) {
        cc.services.log.info('emit-metric (not sent: local gateway)', {
          name: element.attributes['name'],
          value: value ? asString(value.evaluate(ctx.scope)) : '1',
          requestId: ctx.requestId,
        });
      },
    };
  },
};

export const logToEventHub: PolicyDefinition = {
  sections: ALL_SECTIONS,
  compile(element, cc) {
    checkAttributes(element, cc, ['logger-id', 'partition-id', 'partition-key'], ['logger-id']);
    const message = textValue(element, cc);
    return {
      execute(ctx) {
        cc.services.log.info('log-to-eventhub (not sent: local gateway)', {
          loggerId: element.attributes['logger-id'],
          message: asString(message.evaluate(ctx.scope)),
          requestId: ctx.requestId,
        });
      },
    };
  },
};

/** No token is acquired locally; the backend sees no Authorization header from this policy. */
export const authenticationManagedIdentity: PolicyDefinition = {
  sections: ['inbound'],
  compile(element, cc) {
    checkAttributes(
      element,
      cc,
      ['resource', 'client-id', 'output-token-variable-name', 'ignore-error'],
      ['resource'],
    );
    checkChildren(element, cc, []);
    checkNoText(element, cc);
    return {
      execute(ctx) {
        cc.services.log.info(
          'authentication-managed-identity skipped (local gateway has no managed identity)',
          {
            resource: element.attributes['resource'],
            requestId: ctx.requestId,
          },
        );
      },
    };
  },
};
