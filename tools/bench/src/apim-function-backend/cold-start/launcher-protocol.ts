/** Marks the launcher's own stdout lines; every other line is the app's output. */
export const LAUNCHER_LINE_PREFIX = '@bench-launcher ';
