/** A request the host answers with a fixed status before invoking anything (400, 408, 413, 414). */
export class RequestRejection extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
