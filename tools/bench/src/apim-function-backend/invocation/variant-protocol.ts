/** One function app a worker serves, and the request it times. */
export interface HostedVariant {
  /** Function app folder (package.json#main is loaded by the local host). */
  appDir: string;
  /** Request path, prefix included, e.g. `/api/catalog/42`. */
  path: string;
}

/** What a variant worker serves (sent as its single argv entry, JSON). */
export interface WorkerTarget {
  /** Variants sharing this process; comparing them avoids process-to-process noise. */
  variants: HostedVariant[];
  /** Path invoked once on the first app before measuring, to put its side effects into the process. */
  primePath?: string;
  /** App settings over the bench defaults (e.g. `LOG_LEVEL`). */
  env?: Record<string, string>;
  /** Node flags of the worker process (what `languageWorkers__node__arguments` passes on Azure). */
  nodeArguments?: string[];
}

/** Parent → worker; `variant` indexes `WorkerTarget.variants`. */
export type VariantCommand =
  | { type: 'answer'; variant: number }
  | { type: 'batch'; variant: number; count: number };

/** Worker → parent. */
export type VariantReply =
  | { type: 'ready' }
  | { type: 'answer'; status: number; headers: Record<string, string>; json: unknown }
  | { type: 'batch'; microsPerCall: number }
  | { type: 'error'; message: string };
