const { app } = require('@azure/functions');

const routes = {
  'catalog-get': { route: 'catalog/{item_id:regex(^(?!health$).*$)}', methods: ['GET'] },
  'catalog-health': { route: 'catalog/health', methods: ['GET'] },
  'items-get': { route: 'items/{id}', methods: ['GET'] },
  'items-recent': { route: 'items/recent', methods: ['GET'] },
  'orders-by-id': { route: 'orders/{id:int}', methods: ['GET'] },
  'orders-search': { route: 'orders/search', methods: ['GET'] },
  'users-create': { route: 'users/{id}', methods: ['POST'] },
  'users-get': { route: 'users/{id}', methods: ['GET'] },
  zfiles: { route: 'files/{*rest}', methods: ['GET'] },
  'afiles-readme': { route: 'files/readme.md', methods: ['GET'] },
};

for (const [name, options] of Object.entries(routes)) {
  app.http(name, { ...options, authLevel: 'anonymous', handler: async () => ({ body: name }) });
}
