// Per-invocation cost of a defineRoute handler (context, validation, response check, ETag, log
// scope) next to a hand-written Azure handler that reads the same request parts, in-process.
import type { HttpHandler, HttpRequest, InvocationContext } from '@azure/functions';
import { createFakeHttpRequest, createFakeInvocationContext } from '@cookbook/http-kit/testing';

import { getCatalogItem, items } from './catalog-route.js';

const ITERATIONS = Number(process.env['BENCH_OPS'] ?? 5_000);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 7);

// Reads the same request parts (the library builds headers and query lazily) but validates nothing.
const handWritten: HttpHandler = (request) => {
  const correlationId = request.headers.get('x-correlation-id') ?? crypto.randomUUID();
  const fields = request.query.get('fields')?.split(',');
  const item = items.get(request.params.item_id ?? '');
  const headers = { 'x-correlation-id': correlationId };
  if (!item || fields?.length === 0) return { status: 404, headers };
  return { status: 200, jsonBody: item, headers };
};

function requests(): [HttpRequest, InvocationContext][] {
  return Array.from({ length: ITERATIONS }, () => [
    createFakeHttpRequest({
      url: 'http://localhost:7071/api/catalog/42?fields=name,price',
      params: { item_id: '42' },
      query: { fields: ['name', 'price'] },
      headers: { 'x-correlation-id': 'bench-1', 'x-apim-gateway': 'azure-api-management' },
    }),
    createFakeInvocationContext({ functionName: 'getCatalogItem' }),
  ]);
}

async function measure(handler: HttpHandler): Promise<number> {
  const inputs = requests();
  const started = performance.now();
  for (const [request, context] of inputs) await handler(request, context);
  return ((performance.now() - started) * 1000) / ITERATIONS;
}

// Alternate the two and keep each one's best round: the machine is shared, noise only adds time.
const best = { handWritten: Infinity, defineRoute: Infinity };
for (let round = 0; round < ROUNDS; round += 1) {
  best.handWritten = Math.min(best.handWritten, await measure(handWritten));
  best.defineRoute = Math.min(best.defineRoute, await measure(getCatalogItem.handle));
}
const ratio = best.defineRoute / best.handWritten;
const extra = best.defineRoute - best.handWritten;
console.log(
  `LOG_LEVEL=${process.env['LOG_LEVEL'] ?? 'info'}, best of ${ROUNDS} rounds x ${ITERATIONS}`,
);
console.log(`hand-written handler: ${best.handWritten.toFixed(2)} µs/invocation`);
console.log(
  `defineRoute handler:  ${best.defineRoute.toFixed(2)} µs/invocation (${ratio.toFixed(1)}x, +${extra.toFixed(2)} µs)`,
);
