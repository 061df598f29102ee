import type { ContextExtension } from '../context/context-extension.js';
import { httpError } from '../errors/http-problem.js';

/**
 * A context extension that answers 415 unless the body is sent as `mediaType` (parameters such as
 * charset are ignored here; the body reader checks them). Runs before validation.
 * @example context: { mediaType: requireMediaType(MERGE_PATCH_CONTENT_TYPE) }
 */
export function requireMediaType(mediaType: string): ContextExtension<string> {
  const expected = mediaType.toLowerCase();
  const extension: ContextExtension<string> = (request) => {
    const received = (request.headers.get('content-type') ?? '')
      .split(';')[0]
      ?.trim()
      .toLowerCase();
    if (received === expected) return expected;
    // RFC 5789 §2.2: a 415 to a PATCH says which patch formats are accepted.
    const headers = request.method === 'PATCH' ? { 'accept-patch': mediaType } : undefined;
    throw httpError('unsupportedMediaType', `Send the request body as ${mediaType}.`, {
      ...(headers ? { headers } : {}),
    });
  };
  // The OpenAPI builder documents the request body under this media type.
  return Object.assign(extension, { [REQUIRED_MEDIA_TYPE]: expected });
}

/** Marks an extension made by `requireMediaType`; the value is the media type. */
export const REQUIRED_MEDIA_TYPE: unique symbol = Symbol('requiredMediaType');

/** The media type a route's `requireMediaType` extension demands, if it has one. */
export function requiredMediaTypeOf(
  context: Readonly<Record<string, unknown>> | undefined,
): string | undefined {
  for (const extension of Object.values(context ?? {})) {
    const value = (extension as { [REQUIRED_MEDIA_TYPE]?: unknown })[REQUIRED_MEDIA_TYPE];
    if (typeof value === 'string') return value;
  }
  return undefined;
}
