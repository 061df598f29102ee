/** What a fault test records (in `task.meta`) for the summary table. */
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
