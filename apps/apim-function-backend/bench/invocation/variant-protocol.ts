/** What a variant worker is told to serve (sent as its single argv entry, JSON). */
export interface VariantTarget {
  /** Function app folder (package.json#main is loaded by the local host). */
  appDir: string;
  /** Request path, prefix included, e.g. `/api/catalog/42`. */
  path: string;
  /** Path invoked once before measuring, to put its side effects into the process. */
  primePath?: string;
}

/** Parent → worker. */
export type VariantCommand = { type: 'answer' } | { type: 'batch'; count: number };

/** Worker → parent. */
export type VariantReply =
  | { type: 'ready' }
  | { type: 'answer'; status: number; headers: Record<string, string>; json: unknown }
  | { type: 'batch'; microsPerCall: number }
  | { type: 'error'; message: string };
