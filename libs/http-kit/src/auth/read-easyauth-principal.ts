import type { HttpRequest } from '@azure/functions';

import type { Principal } from './principal.js';

/** The header App Service Authentication injects (and strips from client requests). */
export const CLIENT_PRINCIPAL_HEADER = 'x-ms-client-principal';

const NAME_IDENTIFIER = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier';
const OBJECT_ID = 'http://schemas.microsoft.com/identity/claims/objectidentifier';
const TENANT_ID = 'http://schemas.microsoft.com/identity/claims/tenantid';
const DEFAULT_ROLE_TYPE = 'http://schemas.microsoft.com/ws/2008/06/identity/claims/role';
const DEFAULT_NAME_TYPE = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name';

/** Why a principal header was refused; said to the client without echoing the header. */
export type ClientPrincipalError =
  | 'missing'
  | 'not base64'
  | 'not UTF-8'
  | 'not JSON'
  | 'not an object'
  | 'claims not an array';

/** A decoded header: the principal, or the reason it is unusable. */
export type ClientPrincipalResult =
  | { readonly ok: true; readonly principal: Principal }
  | { readonly ok: false; readonly error: ClientPrincipalError };

const BASE64 =
  /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

interface Claim {
  readonly typ: string;
  readonly val: string;
}

function isClaim(value: unknown): value is Claim {
  const entry = value as Partial<Claim> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.typ === 'string' &&
    typeof entry.val === 'string'
  );
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && value.length > 0 ? value : fallback;
}

/**
 * Decodes `X-MS-CLIENT-PRINCIPAL` (base64 JSON: `auth_typ`, `name_typ`, `role_typ`, `claims[{typ,val}]`).
 * Roles are the claims typed `role_typ` plus `roles`; claim entries of the wrong shape are dropped.
 */
export function decodeClientPrincipal(header: string | null | undefined): ClientPrincipalResult {
  const text = header?.trim() ?? '';
  if (text === '') return { ok: false, error: 'missing' };
  if (!BASE64.test(text)) return { ok: false, error: 'not base64' };
  let json: string;
  try {
    json = utf8.decode(Buffer.from(text, 'base64'));
  } catch {
    return { ok: false, error: 'not UTF-8' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { ok: false, error: 'not JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { ok: false, error: 'not an object' };
  const raw = parsed as Record<string, unknown>;
  if (!Array.isArray(raw['claims'])) return { ok: false, error: 'claims not an array' };
  const list = (raw['claims'] as unknown[]).filter(isClaim);
  const roleType = stringOr(raw['role_typ'], DEFAULT_ROLE_TYPE);
  const nameType = stringOr(raw['name_typ'], DEFAULT_NAME_TYPE);
  const first = (typ: string): string | undefined => list.find((claim) => claim.typ === typ)?.val;
  const roles = [
    ...new Set(
      list
        .filter((claim) => claim.typ === roleType || claim.typ === 'roles')
        .map((claim) => claim.val)
        .filter((role) => role.length > 0),
    ),
  ];
  // a Map, not an object literal: claim types such as "toString" or "__proto__" are plain keys
  const byType = new Map<string, string | string[]>();
  for (const { typ, val } of list) {
    const existing = byType.get(typ);
    byType.set(
      typ,
      existing === undefined ? val : [...(Array.isArray(existing) ? existing : [existing]), val],
    );
  }
  const claims: Record<string, string | string[]> = Object.fromEntries(byType);
  return {
    ok: true,
    principal: {
      source: 'easyauth',
      subject:
        first(NAME_IDENTIFIER) ?? first(OBJECT_ID) ?? first('oid') ?? first('sub') ?? 'unknown',
      name: first(nameType),
      identityProvider: stringOr(raw['auth_typ'], 'unknown'),
      tenantId: first('tid') ?? first(TENANT_ID),
      roles,
      scopes: [],
      claims,
    },
  };
}

/** The decoded principal of a request (see {@link decodeClientPrincipal}). */
export function readClientPrincipal(request: HttpRequest): ClientPrincipalResult {
  return decodeClientPrincipal(request.headers.get(CLIENT_PRINCIPAL_HEADER));
}

/** Encodes a principal the way App Service does (dev tools and tests). */
export function encodeClientPrincipal(principal: {
  auth_typ: string;
  name_typ?: string;
  role_typ?: string;
  claims: readonly Claim[];
}): string {
  return Buffer.from(JSON.stringify(principal), 'utf8').toString('base64');
}
