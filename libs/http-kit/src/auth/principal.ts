/** Where a verified principal came from. */
export type PrincipalSource = 'easyauth' | 'bearer';

/** The caller, verified: what a handler may trust. Built by a principal source, never by the handler. */
export interface Principal {
  readonly source: PrincipalSource;
  /** Stable user/app id: EasyAuth's name identifier claim, or the token's `sub`. */
  readonly subject: string;
  /** Display name, when the source carries one. */
  readonly name: string | undefined;
  /** Identity provider (`aad`, …) for EasyAuth; the token issuer for bearer tokens. */
  readonly identityProvider: string;
  /** Entra tenant (`tid`), when present. */
  readonly tenantId: string | undefined;
  /** App roles (EasyAuth `role_typ` claims plus `roles`; a token's `roles` array). */
  readonly roles: readonly string[];
  /** Delegated scopes (a token's space-separated `scp`). */
  readonly scopes: readonly string[];
  /** Every claim by name; a repeated EasyAuth claim becomes an array of its values. */
  readonly claims: Readonly<Record<string, unknown>>;
}

/** What a route requires beyond a valid principal: any one of these roles or scopes. */
export interface AuthRequirement {
  readonly anyRole?: readonly string[];
  readonly anyScope?: readonly string[];
}

/** True when the principal meets the requirement (no requirement: every principal does). */
export function meetsRequirement(principal: Principal, requirement: AuthRequirement): boolean {
  const roles = requirement.anyRole ?? [];
  const scopes = requirement.anyScope ?? [];
  if (roles.length === 0 && scopes.length === 0) return true;
  return (
    roles.some((role) => principal.roles.includes(role)) ||
    scopes.some((scope) => principal.scopes.includes(scope))
  );
}
