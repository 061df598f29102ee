import { pino } from 'pino';
import { bench, describe } from 'vitest';

import { createLogger } from './create-logger.js';
import { runWithLogContext } from './log-context.js';

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

describe('one request line, JSON to a no-op destination', () => {
  bench('pino, no redaction (leaks the ?code= key)', () => {
    plainPino.info(requestLine, 'Handled APIM backend request');
  });
  bench('pino, fixed redact paths (slow-redact; still leaks ?code=)', () => {
    pathRedactPino.info(requestLine, 'Handled APIM backend request');
  });
  bench('@cookbook/logging (new invocation scope per line: walk + context)', () => {
    runWithLogContext(context, () => cookbook.info(requestLine, 'Handled APIM backend request'));
  });
});
