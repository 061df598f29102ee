import { invokeRoute } from '@cookbook/http-kit/testing';

import { createItem } from '../functions/create-item.js';
import { deleteItem } from '../functions/delete-item.js';
import { getItem } from '../functions/get-item.js';
import { listItems } from '../functions/list-items.js';
import { patchItem } from '../functions/patch-item.js';
import { replaceItem } from '../functions/replace-item.js';

type Query = Readonly<Record<string, string>>;
type Headers = Readonly<Record<string, string>>;

/** The six routes called in-process, as a client would call them over HTTP. */
export const itemsClient = {
  list: (query: Query = {}) => invokeRoute(listItems, { query }),
  create: (body: unknown) => invokeRoute(createItem, { body }),
  get: (id: number | string, headers: Headers = {}) =>
    invokeRoute(getItem, { params: { id: String(id) }, headers }),
  replace: (id: number | string, body: unknown, headers: Headers = {}) =>
    invokeRoute(replaceItem, { params: { id: String(id) }, body, headers }),
  patch: (id: number | string, body: unknown, headers: Headers = {}) =>
    invokeRoute(patchItem, {
      params: { id: String(id) },
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/merge-patch+json', ...headers },
    }),
  delete: (id: number | string, headers: Headers = {}) =>
    invokeRoute(deleteItem, { params: { id: String(id) }, headers }),
};

/** A valid item body with this name. */
export const anItem = (name: string, price = '9.99') => ({
  name,
  description: `The ${name}`,
  price,
});
