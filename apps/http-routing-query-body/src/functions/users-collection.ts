import { defineRoute, httpError } from '@cookbook/http-kit';
import * as z from 'zod';

import {
  decodeCursor,
  encodeCursor,
  limitSchema,
  UserFieldsSchema,
  users,
  UserSchema,
} from '../users.js';

/** Largest accepted JSON body for user writes; larger → 413 before it is parsed. */
export const USER_BODY_LIMIT_BYTES = 16 * 1024;

export const UserPageSchema = z
  .object({
    users: z.array(UserSchema),
    next: z.string().optional().describe('Link to the next page; absent on the last page'),
  })
  .meta({ id: 'UserPage' });

/** GET /api/users?limit=&cursor= → one page ordered by id, with a `next` link while more remain. */
export const listUsers = defineRoute({
  name: 'listUsers',
  methods: ['GET'],
  route: 'users',
  authLevel: 'anonymous',
  summary: 'List users, a page at a time',
  tags: ['Users'],
  request: {
    query: z.object({
      limit: limitSchema(50).describe('Page size, 1–100 (default 50)'),
      cursor: z.string().max(200).optional().describe('Opaque: copy it from `next`'),
    }),
  },
  responses: {
    200: { description: 'One page of users', schema: UserPageSchema },
  },
  handler: ({ query }) => {
    const afterId = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (query.cursor !== undefined && afterId === undefined) {
      throw httpError('validationFailed', 'The cursor is not one this API issued.', {
        errors: [{ pointer: '/query/cursor', message: 'Unknown cursor; copy it from `next`' }],
      });
    }
    const page = users.list(query.limit, afterId);
    const next =
      page.lastId === undefined
        ? {}
        : { next: `/api/users?limit=${query.limit}&cursor=${encodeCursor(page.lastId)}` };
    return { status: 200, body: { users: page.users, ...next } };
  },
});

/** POST /api/users {name, email} → 201 + Location + ETag; the server assigns the id. */
export const createUser = defineRoute({
  name: 'createUser',
  methods: ['POST'],
  route: 'users',
  authLevel: 'anonymous',
  summary: 'Create a user',
  tags: ['Users'],
  bodyLimitBytes: USER_BODY_LIMIT_BYTES,
  request: { body: UserFieldsSchema.meta({ id: 'UserFields' }) },
  responses: {
    201: {
      description: 'Created; Location names the new user',
      schema: UserSchema,
      headers: z.object({ location: z.string(), etag: z.string() }),
    },
    409: { description: 'Another user already has this email' },
  },
  // async: a problem thrown after the body was read must travel as a rejection (http-kit).
  handler: async ({ body }) => {
    const { user, etag } = users.create(body);
    return { status: 201, body: user, headers: { location: `/api/users/${user.id}`, etag } };
  },
  onResponse: (_input, status, { requestContext }) =>
    requestContext.logger.info({ operation: 'createUser', status }, 'Handled users request'),
});
