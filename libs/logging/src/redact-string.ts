import { isSecretQueryKey } from './secret-keys.js';

/** What a redacted value is replaced with. */
export const REDACTED = '[Redacted]';

const QUERY_PARAMETER = /([?&])([^=&#\s"'<>]+)=([^&#\s"'<>]*)/g;
const CONNECTION_STRING_SECRET =
  /\b(AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd)=[^;\s"']+/gi;
const AUTH_SCHEME = /\b(Bearer|Basic|SharedAccessSignature)\s+[\w\-.~+/%=&]{8,}/gi;
const MAY_HOLD_AUTH_SCHEME = /Bearer|Basic|SharedAccessSignature/i;
// 'Basic ' plus the 8-character minimum credential
const SHORTEST_AUTH_TEXT = 14;

/** Masks secrets inside free text: URL query parameters, auth schemes, connection strings. */
export function redactString(text: string): string {
  let result = text;
  if (result.includes('=')) {
    if (result.includes('?') || result.includes('&')) {
      result = result.replace(QUERY_PARAMETER, (match, separator: string, name: string) =>
        isSecretQueryKey(name) ? `${separator}${name}=${REDACTED}` : match,
      );
    }
    result = result.replace(
      CONNECTION_STRING_SECRET,
      (_match, name: string) => `${name}=${REDACTED}`,
    );
  }
  if (result.length >= SHORTEST_AUTH_TEXT && MAY_HOLD_AUTH_SCHEME.test(result)) {
    result = result.replace(AUTH_SCHEME, (_match, scheme: string) => `${scheme} ${REDACTED}`);
  }
  return result;
}

/** Masks secret parameters in a query string, with or without its leading `?`. */
export function redactQueryString(text: string): string {
  if (text.startsWith('?')) return redactString(text);
  return redactString(`?${text}`).slice(1);
}
