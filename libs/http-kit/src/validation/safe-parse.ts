import type * as z from 'zod';

// zod compiles an object schema to generated code (`new Function`) on its first synchronous
// parse; for a schema parsed once (a cold start's first request) the interpreter is cheaper, so
// the first parse of each schema runs jitless and the compiled parser is built on the second.
const JITLESS = Object.freeze({ jitless: true });
const parsedBefore = new WeakSet<z.ZodType>();

/** `schema.safeParse(value)`: the same result, interpreted the first time a schema is used. */
export function safeParse<T extends z.ZodType>(
  schema: T,
  value: unknown,
): z.ZodSafeParseResult<z.output<T>> {
  if (parsedBefore.has(schema)) return schema.safeParse(value) as z.ZodSafeParseResult<z.output<T>>;
  parsedBefore.add(schema);
  return schema.safeParse(value, JITLESS) as z.ZodSafeParseResult<z.output<T>>;
}
