/** One row of tenant data. */
export interface TenantRow {
  readonly id: string;
  readonly title: string;
}

/**
 * A small in-memory store keyed by tenant id: the only lookup takes the tenant, so no query can
 * reach another tenant's rows. A real app keeps the same shape (partition key = tid).
 */
export class TenantStore {
  readonly #rows = new Map<string, TenantRow[]>();

  add(tenantId: string, row: TenantRow): void {
    const key = tenantId.toLowerCase();
    this.#rows.set(key, [...(this.#rows.get(key) ?? []), row]);
  }

  rowsOf(tenantId: string): readonly TenantRow[] {
    return this.#rows.get(tenantId.toLowerCase()) ?? [];
  }
}

/** Dev tenants the local run and the page use (the recipe's local ALLOWED_TENANT_IDS lists the first two). */
export const DEV_TENANTS = {
  contoso: '11111111-1111-4111-8111-111111111111',
  fabrikam: '22222222-2222-4222-8222-222222222222',
  northwind: '33333333-3333-4333-8333-333333333333',
} as const;

/** The process's store, seeded with a few rows per dev tenant. */
export const tenantStore = new TenantStore();
tenantStore.add(DEV_TENANTS.contoso, { id: 'c-1', title: 'Contoso invoice 1001' });
tenantStore.add(DEV_TENANTS.contoso, { id: 'c-2', title: 'Contoso invoice 1002' });
tenantStore.add(DEV_TENANTS.fabrikam, { id: 'f-1', title: 'Fabrikam order 77' });
tenantStore.add(DEV_TENANTS.northwind, { id: 'n-1', title: 'Northwind secret plan' });
