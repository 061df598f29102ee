/** A problem found while loading config, policies or expressions: always names the file and where. */
export class GatewayLoadError extends Error {
  override readonly name = 'GatewayLoadError';
  readonly file: string;
  readonly location: string | undefined;

  constructor(file: string, location: string | undefined, message: string) {
    super(`${file}${location ? ` (${location})` : ''}: ${message}`);
    this.file = file;
    this.location = location;
  }
}
