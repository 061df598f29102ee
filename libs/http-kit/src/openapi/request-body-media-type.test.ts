import { describe, expect, it } from 'vitest';
import * as z from 'zod';

import { defineRoute } from '../route/define-route.js';
import type { AnyRoute } from '../route/route-types.js';
import { MERGE_PATCH_CONTENT_TYPE } from '../validation/merge-patch.js';
import { requireMediaType } from '../validation/require-media-type.js';
import { buildOpenApiDocument } from './build-openapi-document.js';

const patchRoute = (
  context: Record<string, never> | { mediaType: ReturnType<typeof requireMediaType> },
) =>
  defineRoute({
    name: 'patchThing',
    methods: ['PATCH'],
    route: 'things/{id}',
    authLevel: 'anonymous',
    context,
    request: { body: z.object({ name: z.string().optional() }) },
    responses: { 204: { description: 'patched' } },
    handler: () => ({ status: 204 }),
  }) as unknown as AnyRoute;

const bodyTypes = (route: AnyRoute): string[] => {
  const document = buildOpenApiDocument([route], { info: { title: 't', version: '1' } });
  const operation = (
    document.paths as Record<string, Record<string, { requestBody: { content: object } }>>
  )['/things/{id}']?.patch;
  return Object.keys(operation?.requestBody.content ?? {});
};

describe('request body media type in the OpenAPI document', () => {
  it('is the one requireMediaType demands, e.g. application/merge-patch+json', () => {
    expect(
      bodyTypes(patchRoute({ mediaType: requireMediaType(MERGE_PATCH_CONTENT_TYPE) })),
    ).toEqual([MERGE_PATCH_CONTENT_TYPE]);
  });

  it('is application/json otherwise', () => {
    expect(bodyTypes(patchRoute({}))).toEqual(['application/json']);
  });
});
