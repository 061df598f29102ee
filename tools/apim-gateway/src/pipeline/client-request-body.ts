import type { StreamedBody } from '../http/send-to-backend.js';

export type BufferedBodyResult =
  | { kind: 'body'; body: Buffer }
  | { kind: 'too-large' }
  | { kind: 'gone' };

/** The client's request body, not yet read: forward-request buffers or streams it, set-body replaces it. */
export interface ClientRequestBody {
  /** Reads it whole (buffer-request-body="true"), up to the gateway's body limit. */
  read(): Promise<BufferedBodyResult>;
  /** Hands it on as it arrives (buffer-request-body="false", APIM's default), under the same limit. */
  stream(): StreamedBody;
}
