import { z } from 'zod';

const name = z.string().regex(/^[a-z][a-z0-9-]*$/, 'a project name: lower-case words joined by -');

/** What a recipe declares once, in its package.json `cookbook` field. */
export const RecipeMetadataSchema = z.strictObject({
  /** Page title, as in the README's `# ` heading. */
  title: z.string().min(1),
  /** One sentence: what the recipe shows (the README table and the site's card). */
  summary: z.string().min(1).max(200),
  trigger: z.enum(['HTTP']),
  /** The delivery or safety guarantee, as in the README's metadata line. */
  guarantee: z.string().min(1),
  complexity: z.enum(['beginner', 'intermediate', 'advanced']),
  tags: z.array(name).min(1),
  /** Other recipes a reader should see next. */
  related: z.array(name).default([]),
  /** Workspace libraries the recipe uses (project names). */
  libs: z.array(name).default([]),
  /** How e2e and the site run it locally. */
  local: z
    .strictObject({
      /** `nx serve` runs the host with function keys enforced (`--auth`), as Azure does. */
      auth: z.boolean().default(false),
      /** A GET path that answers 2xx once the recipe is up. */
      readyPath: z.string().startsWith('/'),
      /** The local APIM gateway config, when APIM fronts the recipe. */
      apimConfig: z.string().optional(),
      /** App settings every local run sets (dev values only; production values come from IaC). */
      env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.string()).default({}),
      /** Local stand-ins started before the host, by name (tools/recipes/src/services). */
      services: z.array(name).default([]),
      /** Fixed dev keys for a host that enforces keys, so pages and tests can name them. */
      keys: z
        .strictObject({
          master: z.string().min(1).optional(),
          host: z.record(z.string(), z.string().min(1)).optional(),
          functions: z.record(z.string(), z.record(z.string(), z.string().min(1))).optional(),
        })
        .optional(),
    })
    .strict(),
});

/** A recipe's metadata after defaults are applied. */
export type RecipeMetadata = z.output<typeof RecipeMetadataSchema>;
