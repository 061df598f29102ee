import type { GatewayLog } from '../policies/gateway-services.js';
import { GatewayLoadError } from '../xml/load-error.js';
import { checkApimImport } from './import-restrictions.js';

/**
 * Throws a GatewayLoadError (document, JSON pointer, rule) when APIM's import would refuse or
 * silently change the document; logs a warning per documented import transformation.
 */
export function assertApimImportable(
  document: unknown,
  bytes: number,
  file: string,
  log: Pick<GatewayLog, 'warn'>,
): void {
  const { errors, warnings } = checkApimImport(document, bytes);
  for (const warning of warnings) {
    log.warn(`APIM import: ${warning.message}`, {
      file,
      pointer: warning.pointer,
      rule: warning.rule,
    });
  }
  const [first, ...rest] = errors;
  if (!first) return;
  const more = rest.map((error) => `${error.pointer || '/'}: ${error.message}`);
  throw new GatewayLoadError(
    file,
    first.pointer || '/',
    `APIM would not import this document: ${first.message}${more.length > 0 ? `; also ${more.join('; ')}` : ''}`,
  );
}
