/**
 * A template the Functions host would refuse at start-up. The message names the template, the
 * position (0-based index into the text as written), what is wrong and what would be valid there.
 */
export class RouteTemplateError extends Error {
  override readonly name: string = 'RouteTemplateError';
  /** The template (or route) as written. */
  readonly template: string;
  /** 0-based index into `template` where the problem is. */
  readonly position: number;
  /** What is wrong, e.g. `Unclosed "{"`. */
  readonly reason: string;
  /** What would be valid there, as an instruction, e.g. `Add the closing "}"`. */
  readonly expected: string;

  constructor(template: string, position: number, reason: string, expected: string) {
    super(`Invalid route template "${template}" at position ${position}: ${reason}. ${expected}.`);
    this.template = template;
    this.position = position;
    this.reason = reason;
    this.expected = expected;
  }
}
