import type { PolicyValue } from '../expressions/policy-value.js';
import { VerifiedTokenCache } from '../jwt/verified-token-cache.js';
import type { ClaimRule, InlineKey, JwtCheck, JwtRules } from '../jwt/verify-jwt.js';
import { verifyCachedJwt, verifyJwt } from '../jwt/verify-jwt.js';
import { errorResponse } from '../pipeline/gateway-response.js';
import type { RequestContext } from '../pipeline/request-context.js';
import { PolicyFailure } from '../pipeline/signals.js';
import type { XmlElement } from '../xml/xml-element.js';
import {
  asString,
  booleanAttribute,
  checkAttributes,
  checkChildren,
  enumAttribute,
  type Evaluator,
  integerAttribute,
  literalAttribute,
  stringAttribute,
} from './attributes.js';
import type { CompileContext } from './compile-context.js';
import type { PolicyDefinition } from './policy-definition.js';

const NOT_PRESENT = 'JWT not present.';
const INVALID = 'Invalid JWT.';

export const validateJwt: PolicyDefinition = {
  sections: ['inbound'],
  compile(element, cc) {
    checkAttributes(element, cc, [
      'header-name',
      'query-parameter-name',
      'token-value',
      'failed-validation-httpcode',
      'failed-validation-error-message',
      'require-expiration-time',
      'require-scheme',
      'require-signed-tokens',
      'clock-skew',
      'output-token-variable-name',
    ]);
    checkChildren(element, cc, [
      'openid-config',
      'issuer-signing-keys',
      'decryption-keys',
      'audiences',
      'issuers',
      'required-claims',
    ]);
    const sources = ['header-name', 'query-parameter-name', 'token-value'].filter(
      (n) => element.attributes[n] !== undefined,
    );
    if (sources.length !== 1) {
      cc.fail(
        'validate-jwt needs exactly one of header-name, query-parameter-name or token-value',
        element.line,
      );
    }
    const readToken = tokenReader(element, cc);
    const status = integerAttribute(element, cc, 'failed-validation-httpcode', {
      min: 100,
      max: 599,
      expressions: true,
      fallback: 401,
    }) as Evaluator<number>;
    const message = stringAttribute(element, cc, 'failed-validation-error-message');
    const outputVariable = literalAttribute(element, cc, 'output-token-variable-name');
    const rules = readRules(element, cc);
    // an identical token is not re-verified while this policy's keys stay the same (APIM-equivalent: README)
    const verifiedTokens = new VerifiedTokenCache();
    const fail = (ctx: RequestContext, reason: string, detail: string, fallback: string): never => {
      const body = message ? asString(message.evaluate(ctx.scope)) : fallback;
      throw new PolicyFailure(
        { source: 'validate-jwt', reason, message: detail },
        errorResponse(status(ctx.scope), body),
      );
    };
    const conclude = (ctx: RequestContext, result: JwtCheck): void => {
      if (!result.ok) fail(ctx, result.reason, result.message, INVALID);
      else if (outputVariable) ctx.variables.set(outputVariable, result.jwt);
    };
    const openIdConfigs = cc.services.openIdConfigs;
    return {
      // not async: a token verified before is answered without a promise
      execute(ctx) {
        const token = readToken(ctx);
        if (token.kind === 'missing') fail(ctx, 'TokenNotPresent', NOT_PRESENT, NOT_PRESENT);
        if (token.kind === 'bad-scheme') fail(ctx, 'JwtInvalid', token.detail, INVALID);
        const value = token.kind === 'found' ? token.value : '';
        const known = verifyCachedJwt(value, rules, openIdConfigs, { verifiedTokens });
        if (known) return conclude(ctx, known);
        return verifyJwt(value, rules, openIdConfigs, { verifiedTokens }).then((result) =>
          conclude(ctx, result),
        );
      },
    };
  },
};

type TokenRead =
  | { kind: 'found'; value: string }
  | { kind: 'missing' }
  | { kind: 'bad-scheme'; detail: string };

function tokenReader(element: XmlElement, cc: CompileContext): (ctx: RequestContext) => TokenRead {
  const headerName = literalAttribute(element, cc, 'header-name');
  const queryName = literalAttribute(element, cc, 'query-parameter-name');
  const tokenValue = stringAttribute(element, cc, 'token-value');
  const scheme = literalAttribute(element, cc, 'require-scheme');
  const found = (value: string | undefined | null): TokenRead =>
    value === undefined || value === null || value.trim() === ''
      ? { kind: 'missing' }
      : { kind: 'found', value: value.trim() };
  if (tokenValue) return (ctx) => found(nullableString(tokenValue, ctx));
  if (queryName) return (ctx) => found(ctx.query.values(queryName)?.[0]);
  const name = headerName as string;
  // require-scheme applies to the Authorization header only; a bare "Bearer " prefix is accepted regardless.
  const enforceScheme = scheme !== undefined && name.toLowerCase() === 'authorization';
  return (ctx) => {
    const raw = ctx.requestHeaders.get(name);
    if (raw === undefined || raw.trim() === '') return { kind: 'missing' };
    const match = /^(\S+)\s+(.*)$/s.exec(raw.trim());
    if (enforceScheme) {
      if (!match || match[1]?.toLowerCase() !== scheme.toLowerCase()) {
        return { kind: 'bad-scheme', detail: `Authorization header scheme must be ${scheme}.` };
      }
      return found(match[2]);
    }
    return found(match && match[1]?.toLowerCase() === 'bearer' ? match[2] : raw);
  };
}

function nullableString(value: PolicyValue, ctx: RequestContext): string | null {
  const result = value.evaluate(ctx.scope);
  return result === null || result === undefined ? null : asString(result);
}

function readRules(element: XmlElement, cc: CompileContext): JwtRules {
  const clockSkew = integerAttribute(element, cc, 'clock-skew', {
    min: 0,
    fallback: 0,
  }) as Evaluator<number>;
  const rules: JwtRules = {
    requireExpirationTime: booleanAttribute(element, cc, 'require-expiration-time', true),
    requireSignedTokens: booleanAttribute(element, cc, 'require-signed-tokens', true),
    clockSkewSeconds: clockSkew(undefined as never),
    audiences: [],
    issuers: [],
    requiredClaims: [],
    inlineKeys: [],
    openIdConfigUrls: [],
  };
  for (const child of element.children) {
    const childCc = cc.at(child.name);
    switch (child.name) {
      case 'openid-config': {
        checkAttributes(child, childCc, ['url', 'validate-connectivity'], ['url']);
        checkChildren(child, childCc, []);
        booleanAttribute(child, childCc, 'validate-connectivity', false);
        const url = literalAttribute(child, childCc, 'url') as string;
        if (!/^https?:\/\//.test(url))
          childCc.fail(
            `openid-config url must be an absolute http(s) URL, got "${url}"`,
            child.line,
          );
        rules.openIdConfigUrls.push(url);
        break;
      }
      case 'issuer-signing-keys':
        rules.inlineKeys.push(...readKeys(child, childCc));
        break;
      case 'decryption-keys':
        childCc.fail(
          'encrypted tokens (decryption-keys) are not supported by the local gateway',
          child.line,
        );
        break;
      case 'audiences':
        rules.audiences.push(...listValues(child, childCc, 'audience'));
        break;
      case 'issuers':
        rules.issuers.push(...listValues(child, childCc, 'issuer'));
        break;
      default:
        rules.requiredClaims.push(...readClaims(child, childCc));
    }
  }
  if (
    rules.requireSignedTokens &&
    rules.inlineKeys.length === 0 &&
    rules.openIdConfigUrls.length === 0
  ) {
    cc.fail(
      'validate-jwt needs <openid-config> or <issuer-signing-keys> to validate signatures',
      element.line,
    );
  }
  return rules;
}

function listValues(element: XmlElement, cc: CompileContext, item: string): string[] {
  checkAttributes(element, cc, []);
  checkChildren(element, cc, [item]);
  return element.children.map((child) => {
    checkChildren(child, cc.at(item), []);
    const value = child.text.trim();
    if (/^@[({]/.test(value))
      cc.at(item).fail(`<${item}> values must be literal in the local gateway`, child.line);
    return value;
  });
}

function readKeys(element: XmlElement, cc: CompileContext): InlineKey[] {
  checkAttributes(element, cc, []);
  checkChildren(element, cc, ['key']);
  return element.children.map((child, i) => {
    const keyCc: CompileContext = cc.at(`key[${i + 1}]`);
    checkAttributes(child, keyCc, ['id', 'certificate-id', 'n', 'e']);
    checkChildren(child, keyCc, []);
    if (child.attributes['certificate-id'] !== undefined) {
      keyCc.fail(
        'certificate-id keys need uploaded certificates, which the local gateway does not have',
        child.line,
      );
    }
    const id = child.attributes['id'];
    const n = literalAttribute(child, keyCc, 'n');
    const e = literalAttribute(child, keyCc, 'e');
    if (n !== undefined || e !== undefined) {
      if (!n || !e) keyCc.fail('an RSA <key> needs both n and e', child.line);
      return { id, material: { kind: 'rsa', n, e } };
    }
    const text = child.text.trim();
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text))
      keyCc.fail('a symmetric <key> must be base64 text', child.line);
    return {
      id,
      material: { kind: 'symmetric', secret: new Uint8Array(Buffer.from(text, 'base64')) },
    };
  });
}

function readClaims(element: XmlElement, cc: CompileContext): ClaimRule[] {
  checkAttributes(element, cc, []);
  checkChildren(element, cc, ['claim']);
  return element.children.map((child, i) => {
    const claimCc = cc.at(`claim[${i + 1}]`);
    checkAttributes(child, claimCc, ['name', 'match', 'separator'], ['name']);
    checkChildren(child, claimCc, ['value']);
    return {
      name: literalAttribute(child, claimCc, 'name') as string,
      match: enumAttribute(child, claimCc, 'match', ['all', 'any'], 'all'),
      separator: literalAttribute(child, claimCc, 'separator'),
      values: child.children.map((value) => {
        checkChildren(value, claimCc.at('value'), []);
        return value.text.trim();
      }),
    };
  });
}
