import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';

export const MAX_NAME_LENGTH = 100;

/** GET /api/hello?name=Ada → 200 "Hello, Ada!"; a name over 100 characters → 400 problem+json. */
export async function hello(
  request: HttpRequest,
  context: InvocationContext,
): Promise<HttpResponseInit> {
  const name = request.query.get('name')?.trim() || 'World';
  // Count code points, not UTF-16 units, so an emoji is one character.
  const length = [...name].length;
  if (length > MAX_NAME_LENGTH) {
    context.warn(`Rejected a name of ${length} characters`);
    return nameTooLong(request, length);
  }
  context.log('Greeting sent');
  return {
    status: 200,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: `Hello, ${name}!`,
  };
}

// RFC 9457 problem details; `instance` is the path only, so the rejected input is not echoed.
// `type` uses the repository's one scheme, the RFC 4151 tag URI of http-kit's problem catalog.
function nameTooLong(request: HttpRequest, length: number): HttpResponseInit {
  return {
    status: 400,
    headers: { 'content-type': 'application/problem+json' },
    jsonBody: {
      type: 'tag:azure-functions-cookbook,2026:problems/name-too-long',
      title: 'Name too long',
      status: 400,
      detail: `"name" must be at most ${MAX_NAME_LENGTH} characters after trimming; it has ${length}.`,
      instance: new URL(request.url).pathname,
    },
  };
}
