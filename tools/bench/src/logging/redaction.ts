import { createLogger, runWithLogContext } from '@cookbook/logging';
import { pino } from 'pino';

import { median, nanosPerCall } from './timing.js';

const discard = { write: (): void => undefined };

const requestLine = {
  method: 'GET',
  url: 'https://func.azurewebsites.net/api/catalog/42?code=abc&expand=price',
  headers: {
    authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.sig',
    'x-functions-key': 'key',
    'x-correlation-id': '6d9f',
    'x-apim-gateway': 'azure-api-management',
    accept: 'application/json',
  },
  item_id: 42,
  cache_status: 'hit',
};

const plainPino = pino({ base: null }, discard);
const pathRedactPino = pino(
  {
    base: null,
    redact: ['headers.authorization', 'headers.cookie', 'headers["x-functions-key"]'],
  },
  discard,
);
const cookbook = createLogger({ format: 'json', destination: discard });
const context = { invocationId: 'inv-1', functionName: 'getCatalogItem', correlationId: '6d9f' };

/** One request line, JSON to a no-op destination, per logger; the first is the baseline. */
export const redactionVariants: readonly { name: string; line(): void }[] = [
  {
    name: 'pino, no redaction (leaks the ?code= key)',
    line: () => plainPino.info(requestLine, 'Handled APIM backend request'),
  },
  {
    name: 'pino, fixed redact paths (slow-redact; still leaks ?code=)',
    line: () => pathRedactPino.info(requestLine, 'Handled APIM backend request'),
  },
  {
    name: '@cookbook/logging (new invocation scope per line: walk + context)',
    line: () =>
      runWithLogContext(context, () => cookbook.info(requestLine, 'Handled APIM backend request')),
  },
];

/** Median ns per line of each variant over interleaved rounds (the order rotates per round). */
export function measureRedaction(rounds: number, calls: number): Map<string, number> {
  const samples = new Map(redactionVariants.map((variant) => [variant.name, [] as number[]]));
  for (const variant of redactionVariants) nanosPerCall(variant.line, calls);
  for (let round = 0; round < rounds; round += 1) {
    for (let offset = 0; offset < redactionVariants.length; offset += 1) {
      const variant = redactionVariants[(round + offset) % redactionVariants.length];
      if (variant) samples.get(variant.name)?.push(nanosPerCall(variant.line, calls));
    }
  }
  return new Map([...samples].map(([name, values]) => [name, median(values)]));
}
