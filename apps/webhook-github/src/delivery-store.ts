import { TableClient } from '@azure/data-tables';

import { managedIdentityCredential } from './managed-identity-credential.js';

/** GitHub redelivers by hand or by its own retries; an id seen within this window is a duplicate. */
export const DEDUP_WINDOW_MS = 24 * 60 * 60 * 1000;
export const DELIVERIES_TABLE = 'WebhookDeliveries';
const ROW_KEY = 'github';

/** `new`: this call owns the delivery and processes it; `duplicate`: someone already did. */
export type Claim = 'new' | 'duplicate';

interface DeliveryEntity {
  partitionKey: string;
  rowKey: string;
  event: string;
  receivedAt: string;
}

function statusOf(error: unknown): number | undefined {
  return (error as { statusCode?: number } | null)?.statusCode;
}

/**
 * Delivery ids in Azure Table Storage. `claim` inserts the id, and the insert fails when the id
 * exists, so of any number of instances receiving one delivery exactly one gets `new`.
 */
export class DeliveryStore {
  private ready: Promise<unknown> | undefined;

  constructor(
    private readonly table: TableClient,
    private readonly now: () => number = Date.now,
  ) {}

  async claim(deliveryId: string, event: string): Promise<Claim> {
    this.ready ??= this.table.createTable().catch((error: unknown) => {
      this.ready = undefined; // retried by the next call
      throw error;
    });
    await this.ready;
    const entity: DeliveryEntity = {
      partitionKey: deliveryId,
      rowKey: ROW_KEY,
      event,
      receivedAt: new Date(this.now()).toISOString(),
    };
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        await this.table.createEntity(entity);
        return 'new';
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
      }
      const claimed = await this.existing(deliveryId);
      if (!claimed) continue; // released in between: try the insert again
      if (this.now() - Date.parse(claimed.receivedAt) < DEDUP_WINDOW_MS) return 'duplicate';
      try {
        // Older than the window: take it over, but only if nobody else just did (ETag match).
        await this.table.updateEntity(entity, 'Replace', { etag: claimed.etag });
        return 'new';
      } catch (error) {
        if (statusOf(error) === 412 || statusOf(error) === 404) continue;
        throw error;
      }
    }
    return 'duplicate';
  }

  /** Gives a claim back when processing failed, so GitHub's redelivery is processed. */
  async release(deliveryId: string): Promise<void> {
    try {
      await this.table.deleteEntity(deliveryId, ROW_KEY);
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }

  private async existing(
    deliveryId: string,
  ): Promise<{ receivedAt: string; etag: string } | undefined> {
    try {
      const found = await this.table.getEntity<DeliveryEntity>(deliveryId, ROW_KEY);
      return { receivedAt: found.receivedAt, etag: found.etag };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }
}

/**
 * The function app's own storage account (`AzureWebJobsStorage`): a connection string locally
 * (Azurite), or `AzureWebJobsStorage__accountName` with the app's managed identity in Azure.
 */
export function tableClientFromSettings(env = process.env): TableClient {
  const connection = env['AzureWebJobsStorage'];
  if (connection) {
    return TableClient.fromConnectionString(connection, DELIVERIES_TABLE, {
      // Azurite speaks plain HTTP on loopback; Azure's endpoints are HTTPS anyway.
      allowInsecureConnection: /DefaultEndpointsProtocol=http;|UseDevelopmentStorage=true/i.test(
        connection,
      ),
    });
  }
  const account = env['AzureWebJobsStorage__accountName'];
  const url =
    env['AzureWebJobsStorage__tableServiceUri'] ??
    (account ? `https://${account}.table.core.windows.net` : undefined);
  if (!url) {
    throw new Error('Set AzureWebJobsStorage or AzureWebJobsStorage__accountName for deliveries.');
  }
  const credential = managedIdentityCredential(env['AzureWebJobsStorage__clientId']);
  return new TableClient(url, DELIVERIES_TABLE, credential);
}

let shared: { key: string; store: DeliveryStore } | undefined;

/** One store per process, rebuilt when the storage setting changes (tests point it elsewhere). */
export function deliveryStore(env = process.env): DeliveryStore {
  const key = `${env['AzureWebJobsStorage'] ?? ''}|${env['AzureWebJobsStorage__accountName'] ?? ''}`;
  if (shared?.key !== key) shared = { key, store: new DeliveryStore(tableClientFromSettings(env)) };
  return shared.store;
}
