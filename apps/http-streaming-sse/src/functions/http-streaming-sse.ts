import { defineRoute } from '@cookbook/http-kit';
import * as z from 'zod';

/** The greeting this function answers with. */
export const GreetingSchema = z.object({ message: z.string() });

/** GET /api/http-streaming-sse?name=Ada → 200 {"message":"Hello, Ada!"}; a bad name → 422 problem+json. */
export const httpStreamingSse = defineRoute({
  name: 'httpStreamingSse',
  methods: ['GET'],
  route: 'http-streaming-sse',
  authLevel: 'anonymous',
  summary: 'Greets by name',
  request: {
    query: z.object({ name: z.string().trim().min(1).max(100).default('World') }),
  },
  responses: {
    200: { description: 'The greeting', schema: GreetingSchema },
  },
  handler: ({ query }) => ({ status: 200, body: { message: `Hello, ${query.name}!` } }),
});
