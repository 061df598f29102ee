import { app } from '@azure/functions';

// The cold-start baseline: one function on @azure/functions alone, answering the recipe's
// request path (GET catalog/{item_id}) with a small JSON body; no zod, http-kit or logging.
app.http('getCatalogItem', {
  route: 'catalog/{item_id}',
  methods: ['GET'],
  authLevel: 'anonymous',
  handler: (request) => ({ jsonBody: { item_id: request.params['item_id'] } }),
});
