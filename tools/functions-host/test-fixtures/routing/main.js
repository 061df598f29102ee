const { app } = require('@azure/functions');

// Each function answers with its name and the route values it received.
const routes = {
  'items-get': { route: 'items/{id}', methods: ['GET'] },
  'items-recent': { route: 'items/recent', methods: ['GET'] },
  'orders-by-id': { route: 'orders/{id:int}', methods: ['GET'] },
  'orders-search': { route: 'orders/search', methods: ['GET'] },
  products: { route: 'products/{category:alpha}/{id:int?}', methods: ['GET'] },
  files: { route: 'files/{*path}', methods: ['GET'] },
  pages: { route: 'pages/{slug=home}', methods: ['GET'] },
  docs: { route: 'docs/{name}.{ext?}', methods: ['GET'] },
  guids: { route: 'things/{id:guid}', methods: ['GET'] },
  ranged: { route: 'ranged/{n:range(1,10)}/{code:length(3)}', methods: ['GET'] },
  regexed: { route: 'zip/{code:regex(^\\d{{5}}$)}', methods: ['GET'] },
  dated: { route: 'events/{day:datetime}', methods: ['GET'] },
  flags: { route: 'flags/{on:bool}/{ratio:decimal}', methods: ['GET'] },
  'Mixed-Case': { route: 'Mixed/Case', methods: ['POST'] },
  braces: { route: 'literal/{{x}}', methods: ['GET'] },
  'default-route': { methods: ['GET'] },
};

for (const [name, options] of Object.entries(routes)) {
  app.http(name, {
    ...options,
    authLevel: 'anonymous',
    handler: async (request) => ({ jsonBody: { fn: name, params: request.params } }),
  });
}
