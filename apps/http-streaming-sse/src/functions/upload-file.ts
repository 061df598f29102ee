import { createHash } from 'node:crypto';

import { defineRoute, forEachBodyChunk } from '@cookbook/http-kit';
import * as z from 'zod';

import { settings } from '../settings.js';

export const UploadResultSchema = z
  .object({
    bytes: z.number().int().describe('Bytes received'),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe('SHA-256 of the bytes, hex'),
  })
  .meta({ id: 'UploadResult' });

/**
 * POST /api/uploads (any body) → 200 its size and SHA-256, hashed chunk by chunk as it arrives;
 * 413 as soon as it passes UPLOAD_LIMIT_BYTES, without reading the rest.
 */
export const uploadFile = defineRoute({
  name: 'uploadFile',
  methods: ['POST'],
  route: 'uploads',
  authLevel: 'function',
  summary: 'Hash an upload as it streams in',
  description:
    'Send any bytes (e.g. application/octet-stream, chunked or with Content-Length). The body is never held in memory.',
  tags: ['Uploads'],
  responses: {
    200: { description: 'Size and SHA-256 of the body', schema: UploadResultSchema },
    413: { description: 'The body passed the upload limit' },
  },
  handler: async (_input, { request, requestContext }) => {
    const hash = createHash('sha256');
    const { size } = await forEachBodyChunk(request, settings.UPLOAD_LIMIT_BYTES, (chunk) => {
      hash.update(chunk);
    });
    const sha256 = hash.digest('hex');
    requestContext.logger.info({ bytes: size, sha256 }, 'Upload hashed');
    return { status: 200, body: { bytes: size, sha256 } };
  },
});
