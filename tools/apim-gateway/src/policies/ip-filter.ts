import { isIPv4 } from 'node:net';

import { errorResponse } from '../pipeline/gateway-response.js';
import { PolicyFailure } from '../pipeline/signals.js';
import { checkAttributes, checkChildren, enumAttribute, literalAttribute } from './attributes.js';
import type { PolicyDefinition } from './policy-definition.js';

type Matcher = (ip: string) => boolean;

export const ipFilter: PolicyDefinition = {
  sections: ['inbound'],
  compile(element, cc) {
    checkAttributes(element, cc, ['action'], ['action']);
    checkChildren(element, cc, ['address', 'address-range']);
    const action = enumAttribute(element, cc, 'action', ['allow', 'forbid'], 'allow');
    const matchers: Matcher[] = element.children.map((child) => {
      if (child.name === 'address') {
        checkChildren(child, cc.at('address'), []);
        const address = normalizeIp(child.text.trim());
        if (!isIPv4(address) && !address.includes(':'))
          cc.fail(`invalid IP address "${child.text.trim()}"`, child.line);
        return (ip) => ip === address;
      }
      const rangeCc = cc.at('address-range');
      checkAttributes(child, rangeCc, ['from', 'to'], ['from', 'to']);
      checkChildren(child, rangeCc, []);
      const from = ipv4ToNumber(literalAttribute(child, rangeCc, 'from') ?? '');
      const to = ipv4ToNumber(literalAttribute(child, rangeCc, 'to') ?? '');
      if (from === undefined || to === undefined || from > to) {
        rangeCc.fail('address-range needs IPv4 from <= to', child.line);
      }
      return (ip) => {
        const n = ipv4ToNumber(ip);
        return n !== undefined && n >= (from as number) && n <= (to as number);
      };
    });
    return {
      execute(ctx) {
        const ip = normalizeIp(ctx.clientIp);
        const listed = matchers.some((match) => match(ip));
        if (action === 'allow' ? listed : !listed) return;
        throw new PolicyFailure(
          {
            source: 'ip-filter',
            reason: action === 'allow' ? 'CallerIpNotAllowed' : 'CallerIpBlocked',
            message: `Caller IP address ${ip} is not allowed. Access denied.`,
          },
          errorResponse(403, 'Forbidden'),
        );
      },
    };
  },
};

function normalizeIp(ip: string): string {
  return ip.startsWith('::ffff:') && isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
}

function ipv4ToNumber(ip: string): number | undefined {
  if (!isIPv4(ip)) return undefined;
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}
