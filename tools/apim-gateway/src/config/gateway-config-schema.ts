import { z } from 'zod';

import { POLICY_FORMATS, type PolicyFormat } from '../xml/parse-xml.js';

const nonEmpty = z.string().min(1);
const httpUrl = z.string().regex(/^https?:\/\/[^\s]+$/, 'must be an absolute http(s) URL');

/** `"literal"`, `"env:VAR"`, `"dev-issuer:openid-config-url"`, or the object form. */
const namedValueSchema = z.union([
  z.string(),
  z
    .object({
      value: z.string().optional(),
      env: nonEmpty.optional(),
      default: z.string().optional(),
      secret: z.boolean().optional(),
    })
    .strict()
    .refine((v) => (v.value === undefined) !== (v.env === undefined), {
      message: 'give exactly one of "value" or "env"',
    }),
]);

const credentialsSchema = z
  .object({
    header: z.record(nonEmpty, z.array(z.string()).min(1)).optional(),
    query: z.record(nonEmpty, z.array(z.string()).min(1)).optional(),
  })
  .strict();

const policyFormatSchema = z.enum(POLICY_FORMATS as [PolicyFormat, ...PolicyFormat[]]);

/** A policy file: its path, or `{ file, format }` when it differs from `policies.format`. */
const policyFileSchema = z.union([
  nonEmpty,
  z.object({ file: nonEmpty, format: policyFormatSchema }).strict(),
]);

const backendSchema = z
  .object({
    id: nonEmpty,
    url: httpUrl,
    description: z.string().optional(),
    credentials: credentialsSchema.optional(),
  })
  .strict();

const apiSchema = z
  .object({
    id: nonEmpty.optional(),
    name: nonEmpty.optional(),
    path: z.string().regex(/^[A-Za-z0-9._~\-/]*$/, 'URL suffix without leading slash, e.g. "api"'),
    openapi: nonEmpty,
    serviceUrl: httpUrl.optional(),
    subscriptionRequired: z.boolean().default(true),
    subscriptionKeyParameterNames: z
      .object({
        header: nonEmpty.default('Ocp-Apim-Subscription-Key'),
        query: nonEmpty.default('subscription-key'),
      })
      .strict()
      .optional(),
    policies: z
      .object({
        // what the IaC deploys the files as: 'xml' (a real XML document) or 'rawxml' (portal/APIOps exports)
        format: policyFormatSchema.default('xml'),
        global: policyFileSchema.optional(),
        api: policyFileSchema.optional(),
        operations: z.record(nonEmpty, policyFileSchema).optional(),
      })
      .strict()
      .default({ format: 'xml' }),
  })
  .strict();

const subscriptionSchema = z
  .object({
    id: nonEmpty,
    name: nonEmpty.optional(),
    key: nonEmpty,
    secondaryKey: nonEmpty.optional(),
    state: z.enum(['active', 'suspended']).default('active'),
  })
  .strict();

const devIssuerSchema = z
  .object({
    issuer: nonEmpty.optional(),
    audience: nonEmpty.optional(),
    subject: nonEmpty.optional(),
    keyDirectory: nonEmpty.optional(),
    tokenLifetimeSeconds: z.number().int().positive().max(86_400).optional(),
  })
  .strict();

const limitsSchema = z
  .object({
    cacheMaxEntries: z.number().int().positive().optional(),
    cacheMaxBytes: z.number().int().positive().optional(),
    counterMaxKeys: z.number().int().positive().optional(),
  })
  .strict();

export const gatewayConfigSchema: z.ZodType<GatewayConfig, GatewayConfigInput> = z
  .object({
    $schema: z.string().optional(),
    api: apiSchema,
    namedValues: z
      .record(
        z.string().regex(/^[A-Za-z0-9._-]+$/, 'named value names use letters, digits, . _ -'),
        namedValueSchema,
      )
      .default({}),
    subscriptions: z.array(subscriptionSchema).default([]),
    backends: z.array(backendSchema).default([]),
    devIssuer: devIssuerSchema.default({}),
    limits: limitsSchema.default({}),
  })
  .strict()
  .superRefine((config, ctx) => {
    const ids = new Set<string>();
    config.backends.forEach((backend, i) => {
      if (ids.has(backend.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['backends', i, 'id'],
          message: `duplicate backend id "${backend.id}"`,
        });
      }
      ids.add(backend.id);
    });
    const keys = new Set<string>();
    config.subscriptions.forEach((subscription, i) => {
      for (const key of [subscription.key, subscription.secondaryKey]) {
        if (key === undefined) continue;
        if (keys.has(key)) {
          ctx.addIssue({
            code: 'custom',
            path: ['subscriptions', i],
            message: 'subscription keys must be unique',
          });
        }
        keys.add(key);
      }
    });
  });

export type NamedValueConfig =
  | string
  | { value?: string; env?: string; default?: string; secret?: boolean };

export interface BackendConfig {
  id: string;
  url: string;
  description?: string;
  credentials?: { header?: Record<string, string[]>; query?: Record<string, string[]> };
}

export interface SubscriptionConfig {
  id: string;
  name?: string;
  key: string;
  secondaryKey?: string;
  state: 'active' | 'suspended';
}

/** A policy file path, or the file with its own format. */
export type PolicyFileConfig = string | { file: string; format: PolicyFormat };

export interface PolicyFilesConfig {
  /** The format of every file given as a plain path (default 'xml'). */
  format: PolicyFormat;
  global?: PolicyFileConfig;
  api?: PolicyFileConfig;
  operations?: Record<string, PolicyFileConfig>;
}

export interface ApiConfig {
  id?: string;
  name?: string;
  path: string;
  openapi: string;
  serviceUrl?: string;
  subscriptionRequired: boolean;
  subscriptionKeyParameterNames?: { header: string; query: string };
  policies: PolicyFilesConfig;
}

export interface DevIssuerConfig {
  issuer?: string;
  audience?: string;
  subject?: string;
  keyDirectory?: string;
  tokenLifetimeSeconds?: number;
}

/** Parsed local-gateway.json (defaults applied). */
export interface GatewayConfig {
  $schema?: string;
  api: ApiConfig;
  namedValues: Record<string, NamedValueConfig>;
  subscriptions: SubscriptionConfig[];
  backends: BackendConfig[];
  devIssuer: DevIssuerConfig;
  limits: { cacheMaxEntries?: number; cacheMaxBytes?: number; counterMaxKeys?: number };
}

/** local-gateway.json as written (defaults not yet applied). */
export interface GatewayConfigInput {
  $schema?: string;
  api: Omit<ApiConfig, 'subscriptionRequired' | 'policies' | 'subscriptionKeyParameterNames'> & {
    subscriptionRequired?: boolean;
    subscriptionKeyParameterNames?: { header?: string; query?: string };
    policies?: Omit<PolicyFilesConfig, 'format'> & { format?: PolicyFormat };
  };
  namedValues?: Record<string, NamedValueConfig>;
  subscriptions?: Array<Omit<SubscriptionConfig, 'state'> & { state?: 'active' | 'suspended' }>;
  backends?: BackendConfig[];
  devIssuer?: DevIssuerConfig;
  limits?: GatewayConfig['limits'];
}
