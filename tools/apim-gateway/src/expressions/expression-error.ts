/** The expression text is outside the supported subset; `token` is the offending piece. */
export class ExpressionSyntaxError extends Error {
  override readonly name = 'ExpressionSyntaxError';
  readonly token: string;
  readonly position: number;

  constructor(message: string, token: string, position: number) {
    super(`${message} at '${token}' (offset ${position})`);
    this.token = token;
    this.position = position;
  }
}

/** A supported expression failed while running (APIM: ExpressionValueEvaluationFailure). */
export class ExpressionRuntimeError extends Error {
  override readonly name = 'ExpressionRuntimeError';
}
