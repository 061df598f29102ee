import type { HostKeys } from '../auth/host-keys.js';
import type { RegisteredHttpFunction } from '../routing/http-function.js';

/** The function list `func start` prints: `name: [METHODS] url`. */
export function formatBanner(
  functions: RegisteredHttpFunction[],
  baseUrl: string,
  keys: HostKeys | undefined,
): string {
  const lines = ['', 'Functions:', ''];
  for (const fn of functions) {
    const methods = fn.methods.length > 0 ? fn.methods.join(',') : 'ALL';
    const notes = [
      keys && fn.authLevel !== 'anonymous' ? `authLevel: ${fn.authLevel}` : undefined,
      fn.disabled ? 'disabled' : undefined,
    ].filter(Boolean);
    const suffix = notes.length > 0 ? ` (${notes.join(', ')})` : '';
    lines.push(`        ${fn.name}: [${methods}] ${baseUrl}/${fn.template}${suffix}`);
  }
  lines.push('');
  if (keys) {
    lines.push(
      `Keys are enforced (--auth). Send x-functions-key or ?code=. Keys: ${keys.source}`,
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}
