import { httpError, issuesToErrors } from '@cookbook/http-kit';
import * as z from 'zod';

const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';
const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json$/;

/**
 * The delivery's JSON object, from either content type a GitHub webhook can be set to:
 * `application/json`, or `application/x-www-form-urlencoded` with the JSON in `payload`.
 */
export function decodePayload(body: Uint8Array, contentType: string | null): object {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const isForm = mediaType === FORM_MEDIA_TYPE;
  if (!isForm && !JSON_MEDIA_TYPE.test(mediaType)) {
    throw httpError(
      'unsupportedMediaType',
      `Send application/json or ${FORM_MEDIA_TYPE} (payload=<JSON>), as GitHub does.`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw httpError('malformedBody', 'The request body is not valid UTF-8.');
  }
  if (isForm) {
    const payload = new URLSearchParams(text).get('payload');
    if (payload === null) throw invalid('/body/payload', 'A form delivery carries its JSON here');
    text = payload;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw httpError('malformedBody', 'The webhook payload is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid('/body', 'The webhook payload must be a JSON object');
  }
  return value;
}

function invalid(pointer: string, message: string): Error {
  return httpError('validationFailed', 'The webhook payload has 1 invalid value; see errors.', {
    errors: [{ pointer, message }],
  });
}

// Only the fields the summaries read; GitHub sends many more, which are ignored.
const Repository = z.object({ full_name: z.string().optional() });
const Numbered = z.object({ number: z.number().int().optional(), title: z.string().nullish() });
const PingPayload = z.object({ hook_id: z.number().int().optional(), zen: z.string().optional() });
const PushPayload = z.object({
  ref: z.string().optional(),
  repository: Repository.optional(),
  commits: z.array(z.unknown()).optional(),
});
const PullRequestPayload = z.object({
  action: z.string().optional(),
  number: z.number().int().optional(),
  pull_request: Numbered.optional(),
});
const IssuesPayload = z.object({ action: z.string().optional(), issue: Numbered.optional() });

/** What a handled event answers with (the recipe's "processing"). */
export type EventSummary =
  | { event: 'ping'; hook_id: number | null; zen: string }
  | { event: 'push'; repository: string; ref: string; commits: number; message: string }
  | {
      event: 'pull_request' | 'issues';
      action: string;
      number: number | null;
      title: string;
      message: string;
    };

/** The events this recipe handles; any other is acknowledged with 202. */
export const HANDLED_EVENTS = ['ping', 'push', 'pull_request', 'issues'] as const;
export type HandledEvent = (typeof HANDLED_EVENTS)[number];

export function isHandledEvent(event: string): event is HandledEvent {
  return (HANDLED_EVENTS as readonly string[]).includes(event);
}

function read<T extends z.ZodType>(schema: T, payload: object): z.output<T> {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const errors = issuesToErrors('body', result.error.issues);
  const count = errors.length === 1 ? '1 invalid value' : `${errors.length} invalid values`;
  throw httpError('validationFailed', `The webhook payload has ${count}; see errors.`, { errors });
}

/** Checks the payload's shape for `event` (422 with pointers when wrong) and summarizes it. */
export function summarizeEvent(event: HandledEvent, payload: object): EventSummary {
  switch (event) {
    case 'ping': {
      const { hook_id, zen } = read(PingPayload, payload);
      return { event, hook_id: hook_id ?? null, zen: zen ?? '' };
    }
    case 'push': {
      const { repository, ref, commits = [] } = read(PushPayload, payload);
      const count = commits.length;
      return {
        event,
        repository: repository?.full_name ?? 'unknown',
        ref: ref ?? 'unknown',
        commits: count,
        message: `Processed push with ${count} commit(s).`,
      };
    }
    case 'pull_request': {
      const { action = 'unknown', number, pull_request } = read(PullRequestPayload, payload);
      return numbered(
        event,
        action,
        pull_request?.number ?? number,
        pull_request?.title,
        'pull request',
      );
    }
    case 'issues': {
      const { action = 'unknown', issue } = read(IssuesPayload, payload);
      return numbered(event, action, issue?.number, issue?.title, 'issue');
    }
  }
}

function numbered(
  event: 'pull_request' | 'issues',
  action: string,
  number: number | undefined,
  title: string | null | undefined,
  noun: string,
): EventSummary {
  const which = number === undefined ? noun : `${noun} #${number}`;
  return {
    event,
    action,
    number: number ?? null,
    title: title ?? '',
    message: `Processed ${which} (${action}).`,
  };
}
