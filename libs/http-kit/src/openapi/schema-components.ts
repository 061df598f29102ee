import * as z from 'zod';

import type { JsonObject, JsonValue } from './openapi-types.js';

// Fetched on use, not imported: an ESM import of node:util makes Node build the module's ESM
// facade (every lazy export loaded) at every cold start, for a check only the document builder runs.
function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  return process.getBuiltinModule('node:util').isDeepStrictEqual(a, b);
}

const COMPONENT_REF = '#/components/schemas/';

export type SchemaIo = 'input' | 'output';

/** zod's JSON Schema targets for the two documents: OpenAPI 3.1 (2020-12) and OpenAPI 3.0. */
export type SchemaTarget = 'draft-2020-12' | 'openapi-3.0';

function rewriteRefs(value: JsonValue, refs: ReadonlyMap<string, string>): JsonValue {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, refs));
  if (typeof value !== 'object' || value === null) return value;
  const result: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    result[key] =
      key === '$ref' && typeof item === 'string'
        ? (refs.get(item) ?? item)
        : rewriteRefs(item, refs);
  }
  return result;
}

function toJsonSchema(
  schema: z.ZodType,
  io: SchemaIo,
  label: string,
  target: SchemaTarget,
): JsonObject {
  try {
    return z.toJSONSchema(schema, { io, target }) as JsonObject;
  } catch (error) {
    throw new Error(`${label}: the schema cannot be written as JSON Schema (${String(error)})`, {
      cause: error,
    });
  }
}

/**
 * Converts zod schemas with zod's own `z.toJSONSchema` and collects the parts named with
 * `.meta({ id })` as `components.schemas`. Convert responses (output shape) before requests
 * (input shape): an id whose input shape differs gets a separate `<id>Input` component.
 */
export class SchemaComponents {
  readonly #schemas = new Map<string, JsonObject>();
  readonly #converted = new Map<z.ZodType, Partial<Record<SchemaIo, JsonObject>>>();
  readonly #target: SchemaTarget;

  /** `openapi-3.0` makes zod write `nullable`, single `type`s and boolean exclusive bounds. */
  constructor(target: SchemaTarget = 'draft-2020-12') {
    this.#target = target;
  }

  /** The JSON Schema of `schema` with `$ref`s into components; `label` names anonymous parts. */
  convert(schema: z.ZodType, io: SchemaIo, label: string): JsonObject {
    const cached = this.#converted.get(schema)?.[io];
    if (cached) return cached;
    const converted = toJsonSchema(schema, io, label, this.#target);
    // zod writes `$defs` for 2020-12 and `definitions` for openapi-3.0.
    const defsKey = this.#target === 'openapi-3.0' ? 'definitions' : '$defs';
    const $defs = converted[defsKey];
    const root: JsonObject = { ...converted };
    // Components live inside the OpenAPI document, which fixes the dialect.
    delete root.$schema;
    delete root[defsKey];
    const defs = Object.entries(($defs ?? {}) as Record<string, JsonObject>);
    const targets = new Map<string, string>();
    for (const [name] of defs) {
      // zod names anonymous recursive parts __schema0...; make them unique per use.
      targets.set(name, name.startsWith('__schema') ? `${label}_${name.slice(2)}` : name);
    }
    const refsFor = (): Map<string, string> => {
      const refs = new Map(
        [...targets].map(([name, target]) => [`#/${defsKey}/${name}`, COMPONENT_REF + target]),
      );
      refs.set('#', COMPONENT_REF + label);
      return refs;
    };
    if (io === 'input') {
      const refs = refsFor();
      for (const [name, def] of defs) {
        const target = targets.get(name) ?? name;
        const existing = this.#schemas.get(target);
        if (existing && !isDeepStrictEqual(existing, rewriteRefs(def, refs))) {
          targets.set(name, `${target}Input`);
        }
      }
    }
    const refs = refsFor();
    for (const [name, def] of defs) {
      this.#add(targets.get(name) ?? name, rewriteRefs(def, refs) as JsonObject);
    }
    let result = rewriteRefs(root, refs) as JsonObject;
    // A schema that refers to itself without an id: hoist it so "#" does not mean the document.
    if (JSON.stringify(root).includes('"$ref":"#"')) {
      this.#add(label, result);
      result = { $ref: COMPONENT_REF + label };
    }
    this.#converted.set(schema, { ...this.#converted.get(schema), [io]: result });
    return result;
  }

  #add(name: string, schema: JsonObject): void {
    const existing = this.#schemas.get(name);
    if (existing && !isDeepStrictEqual(existing, schema)) {
      throw new Error(`Two different schemas use the OpenAPI component name "${name}"`);
    }
    this.#schemas.set(name, schema);
  }

  /** Resolves a root `$ref` into its component (parameters need the object itself). */
  resolve(schema: JsonObject): JsonObject {
    const ref = schema.$ref;
    if (typeof ref !== 'string' || !ref.startsWith(COMPONENT_REF)) return schema;
    return this.#schemas.get(ref.slice(COMPONENT_REF.length)) ?? schema;
  }

  /** All collected components, sorted by name for a stable document. */
  toJSON(): JsonObject {
    const sorted: JsonObject = {};
    for (const name of [...this.#schemas.keys()].sort()) {
      sorted[name] = this.#schemas.get(name) ?? {};
    }
    return sorted;
  }
}
