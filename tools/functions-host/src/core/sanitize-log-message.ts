import { redactString } from '@cookbook/logging/internal';

import type { RpcLogCategory } from './core-types.js';
import { escapeLogText } from './escape-log-text.js';

/**
 * Redacts secrets (`?code=`, bearer tokens, connection strings) like libs/logging. User and worker
 * text is also escaped onto one line; host text keeps the line breaks it composed itself (its
 * variable parts are escaped where it builds them, see describe-error.ts).
 */
export function sanitizeLogMessage(message: string, category: RpcLogCategory | 'host'): string {
  const redacted = redactString(String(message));
  return category === 'host' ? redacted : escapeLogText(redacted);
}
