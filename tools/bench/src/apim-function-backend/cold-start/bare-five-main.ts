import { app, type HttpHandler } from '@azure/functions';

// The bare app with the recipe's five function names and routes (one real, four trivial): what
// the local host itself spends on an app of that shape (route table, overlap lint, sorting).
const ok: HttpHandler = () => ({ status: 200 });
const route = (name: string, path: string, handler: HttpHandler = ok): void => {
  app.http(name, { route: path, methods: ['GET'], authLevel: 'anonymous', handler });
};

route('getCatalogItem', 'catalog/{item_id:regex(^(?!health$))}', (request) => ({
  jsonBody: { item_id: request.params['item_id'] },
}));
route('getCatalogHealth', 'catalog/health');
route('openApiDocument', 'openapi.json');
route('apiDocs', 'docs');
route('apiDocsAsset', 'docs/{asset}');
