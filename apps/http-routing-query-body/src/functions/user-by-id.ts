import {
  applyMergePatch,
  checkIfMatch,
  defineRoute,
  httpError,
  MERGE_PATCH_CONTENT_TYPE,
  requireMediaType,
} from '@cookbook/http-kit';
import * as z from 'zod';

import {
  EmailSchema,
  NameSchema,
  type User,
  UserFieldsSchema,
  UserIdSchema,
  users,
  UserSchema,
} from '../users.js';
import { USER_BODY_LIMIT_BYTES } from './users-collection.js';

// Azure tries routes in function-name order, not by specificity (host#3153): the int constraint
// keeps any non-numeric segment (users/search, users/me) out of these four functions.
export const USER_ROUTE = 'users/{id:int:min(1)}';

const params = z.object({ id: UserIdSchema });
const ifMatch = z.object({
  'if-match': z.string().max(1000).optional().describe('The ETag you last read (required)'),
});
const etagHeader = z.object({ etag: z.string() });

// `id` may come back in a body (GET, edit, PUT) but can never change.
const ReadOnlyId = z.string().optional().describe('Ignored when equal to the path id');

function findOr404(id: string): { user: User; etag: string } {
  const found = users.get(id);
  if (!found) throw httpError('notFound', `No user has the id "${id}".`);
  return found;
}

function assertSameId(pathId: string, bodyId: string | undefined): void {
  if (bodyId !== undefined && bodyId !== pathId) {
    throw httpError('validationFailed', 'The id is assigned by the server and cannot change.', {
      errors: [{ pointer: '/body/id', message: `Must be "${pathId}" or left out` }],
    });
  }
}

/** Writes to an existing user must name the version they change (428 without If-Match). */
function checkWrite(found: { etag: string }, header: string | undefined): void {
  checkIfMatch(header, found.etag, { required: true });
}

/** GET /api/users/{id} → the user with its ETag, or 404. */
export const getUser = defineRoute({
  name: 'getUser',
  methods: ['GET'],
  route: USER_ROUTE,
  authLevel: 'anonymous',
  summary: 'Get a user',
  tags: ['Users'],
  request: { params },
  responses: {
    200: { description: 'The user', schema: UserSchema, headers: etagHeader },
    404: { description: 'No user has this id' },
  },
  // The handler sets the ETag; the kit answers a matching If-None-Match with 304.
  cache: { etag: true, cacheControl: 'no-cache' },
  handler: ({ params: { id } }) => {
    const { user, etag } = findOr404(id);
    return { status: 200, body: user, headers: { etag } };
  },
});

/** PUT /api/users/{id} replaces the whole user: both fields are required. */
export const replaceUser = defineRoute({
  name: 'replaceUser',
  methods: ['PUT'],
  route: USER_ROUTE,
  authLevel: 'anonymous',
  summary: 'Replace a user (If-Match required)',
  tags: ['Users'],
  bodyLimitBytes: USER_BODY_LIMIT_BYTES,
  request: {
    params,
    headers: ifMatch,
    body: UserFieldsSchema.extend({ id: ReadOnlyId }).meta({ id: 'UserReplacement' }),
  },
  responses: {
    200: { description: 'The replaced user', schema: UserSchema, headers: etagHeader },
    404: { description: 'No user has this id' },
    409: { description: 'Another user already has this email' },
    412: { description: 'If-Match does not match the current ETag' },
    428: { description: 'If-Match is missing' },
  },
  // async: a problem thrown after the body was read must travel as a rejection (http-kit).
  handler: async ({ params: { id }, headers, body }) => {
    checkWrite(findOr404(id), headers['if-match']);
    assertSameId(id, body.id);
    const { user, etag } = users.replace(id, { name: body.name, email: body.email });
    return { status: 200, body: user, headers: { etag } };
  },
  onResponse: ({ params: { id } }, status, { requestContext }) =>
    requestContext.logger.info(
      { operation: 'replaceUser', user_id: id, status },
      'Handled users request',
    ),
});

// Merge patch: a field may be left out; null would remove it, and both fields are required.
const UserMergePatchSchema = z
  .strictObject({ id: ReadOnlyId, name: NameSchema.optional(), email: EmailSchema.optional() })
  .meta({ id: 'UserMergePatch' });

/** PATCH /api/users/{id} with application/merge-patch+json (RFC 7396). */
export const patchUser = defineRoute({
  name: 'patchUser',
  methods: ['PATCH'],
  route: USER_ROUTE,
  authLevel: 'anonymous',
  summary: 'Change some fields of a user (merge patch, If-Match required)',
  description: `Send the body as \`${MERGE_PATCH_CONTENT_TYPE}\`; other media types get 415.`,
  tags: ['Users'],
  bodyLimitBytes: USER_BODY_LIMIT_BYTES,
  context: { mediaType: requireMediaType(MERGE_PATCH_CONTENT_TYPE) },
  request: { params, headers: ifMatch, body: UserMergePatchSchema },
  responses: {
    200: { description: 'The patched user', schema: UserSchema, headers: etagHeader },
    404: { description: 'No user has this id' },
    409: { description: 'Another user already has this email' },
    412: { description: 'If-Match does not match the current ETag' },
    428: { description: 'If-Match is missing' },
  },
  // async: a problem thrown after the body was read must travel as a rejection (http-kit).
  handler: async ({ params: { id }, headers, body }) => {
    const found = findOr404(id);
    checkWrite(found, headers['if-match']);
    const { id: bodyId, ...patch } = body;
    assertSameId(id, bodyId);
    // The schema already refused null and bad values, so the merged user is valid.
    const merged = UserFieldsSchema.parse(
      applyMergePatch({ name: found.user.name, email: found.user.email }, patch),
    );
    const { user, etag } = users.replace(id, merged);
    return { status: 200, body: user, headers: { etag } };
  },
  onResponse: ({ params: { id } }, status, { requestContext }) =>
    requestContext.logger.info(
      { operation: 'patchUser', user_id: id, status },
      'Handled users request',
    ),
});

/** DELETE /api/users/{id} → 204, 404 when absent; If-Match is honoured when sent. */
export const deleteUser = defineRoute({
  name: 'deleteUser',
  methods: ['DELETE'],
  route: USER_ROUTE,
  authLevel: 'anonymous',
  summary: 'Delete a user',
  tags: ['Users'],
  request: { params, headers: ifMatch },
  responses: {
    204: { description: 'Deleted' },
    404: { description: 'No user has this id' },
    412: { description: 'If-Match was sent and does not match the current ETag' },
  },
  handler: ({ params: { id }, headers }) => {
    checkIfMatch(headers['if-match'], findOr404(id).etag);
    users.delete(id);
    return { status: 204 };
  },
  onResponse: ({ params: { id } }, status, { requestContext }) =>
    requestContext.logger.info(
      { operation: 'deleteUser', user_id: id, status },
      'Handled users request',
    ),
});
