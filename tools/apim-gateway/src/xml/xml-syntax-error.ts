/** A well-formedness error: where it is (line, column, the open elements) and what rule it breaks. */
export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
  readonly line: number;
  readonly column: number;
  /** Policy-style path of the open elements below the root, e.g. `inbound/set-header`. */
  readonly path: string;

  constructor(message: string, where: { line: number; column: number; path: string }) {
    super(message);
    this.line = where.line;
    this.column = where.column;
    this.path = where.path;
  }
}
