import { describe, expect, it } from 'vitest';
import * as z from 'zod';

import { isArraySchema } from './schema-shape.js';

describe('isArraySchema (which query keys collect every value)', () => {
  it.each([
    [z.array(z.string()), true],
    [z.array(z.string()).optional(), true],
    [z.array(z.string()).default([]), true],
    [z.array(z.string()).nullable().readonly(), true],
    [z.array(z.string()).transform((items) => items.length), true],
    [z.tuple([z.string(), z.string()]), true],
    [z.string(), false],
    [z.string().optional(), false],
    [z.coerce.number(), false],
    [undefined, false],
  ])('%#: %s', (schema, expected) => {
    expect(isArraySchema(schema)).toBe(expected);
  });
});
