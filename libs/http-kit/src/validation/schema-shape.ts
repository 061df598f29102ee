import type * as z from 'zod';

type Def = { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType };

const WRAPPERS = new Set([
  'optional',
  'nullable',
  'default',
  'prefault',
  'readonly',
  'catch',
  'nonoptional',
]);

function defOf(schema: z.core.$ZodType): Def {
  return schema._zod.def as Def;
}

/** The schema under optional/default/readonly/... wrappers and pipes (their input side). */
export function unwrapSchema(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (WRAPPERS.has(def.type) && def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

/** True when the schema accepts a list, so the query parser collects every value of the key. */
export function isArraySchema(schema: z.core.$ZodType | undefined): boolean {
  if (!schema) return false;
  const type = defOf(unwrapSchema(schema)).type;
  return type === 'array' || type === 'tuple';
}
