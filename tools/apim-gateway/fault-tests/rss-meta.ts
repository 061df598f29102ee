/** What a fault test records (in `task.meta`) for the summary table: the gateway process's RSS. */
export interface RssMeta {
  rssBefore?: number;
  rssAfter?: number;
}

declare module 'vitest' {
  interface TaskMeta {
    rssBefore?: number;
    rssAfter?: number;
  }
}
