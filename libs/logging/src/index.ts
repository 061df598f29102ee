export { logLevelFromEnv } from './log-level.js';
