/** Bad command-line input: printed with the usage text, never with a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
