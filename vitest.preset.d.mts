import type { ViteUserConfig } from 'vitest/config';

/** The export condition under which every workspace package points at its TypeScript source. */
export declare const SOURCE_CONDITION = '@cookbook/source';

/** What a project may say about its own tests; everything else is the same everywhere. */
export interface ProjectTestOptions {
  /** Project name shown in the vitest output (the Nx project name). */
  name: string;
  /** Globs relative to the project folder (default `src/**\/*.test.ts`). */
  include?: string[];
  /** Per-test timeout in ms, for suites that start processes or servers. */
  testTimeout?: number;
}

/** The vitest config of one project: `defineProjectTestConfig(import.meta.dirname, { name })`. */
export declare function defineProjectTestConfig(
  projectDir: string,
  options: ProjectTestOptions,
): ViteUserConfig;
