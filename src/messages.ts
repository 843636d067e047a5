/**
 * The contracts between the extension's parts: what the popup and content scripts may ask
 * the background, and what it answers. Both ends check what they receive against these
 * types, because a message is only JSON-shaped data from another context.
 */
import type { Annotation } from './core/types';

export type { Annotation };

/** Requests the popup and content scripts send to the background. */
export type Request =
  | { type: 'ping' }
  | { type: 'annotate-text'; text: string; published?: string };

export type RequestType = Request['type'];

/** What a successful reply to each request carries. */
export interface ReplyValues {
  ping: { version: string };
  'annotate-text': Annotation[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** The background's answer to a request of type K. */
export type Reply<K extends RequestType> = Result<ReplyValues[K]>;

// An article's text is tens of kilobytes and the engine is tested up to 2 MB; far beyond
// that is a bug upstream, not a page, and would stall the background.
const MAX_TEXT_LENGTH = 4_000_000;

// The engine resolves roles by calendar date (core's AnnotateOptions), so senders cut a
// page's published time down to its date before asking.
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function unexpectedKeys(message: Record<string, unknown>, allowed: readonly string[]): string[] {
  return Object.keys(message).filter((key) => !allowed.includes(key));
}

/** Checks an incoming message and returns it as a Request, or says what is wrong with it. */
export function parseRequest(message: unknown): Result<Request> {
  if (!isRecord(message)) return { ok: false, error: 'request must be an object' };
  // Unknown keys are rejected rather than ignored: they mean the sender speaks another version.
  switch (message.type) {
    case 'ping': {
      const extra = unexpectedKeys(message, ['type']);
      if (extra.length > 0) return { ok: false, error: `ping: unexpected ${extra.join(', ')}` };
      return { ok: true, value: { type: 'ping' } };
    }
    case 'annotate-text': {
      const extra = unexpectedKeys(message, ['type', 'text', 'published']);
      if (extra.length > 0) return { ok: false, error: `annotate-text: unexpected ${extra.join(', ')}` };
      const { text, published } = message;
      if (typeof text !== 'string') return { ok: false, error: 'annotate-text: text must be a string' };
      if (text.length > MAX_TEXT_LENGTH) return { ok: false, error: 'annotate-text: text is too long' };
      if (published === undefined) return { ok: true, value: { type: 'annotate-text', text } };
      if (typeof published !== 'string' || !CALENDAR_DATE.test(published)) {
        return { ok: false, error: 'annotate-text: published must be a YYYY-MM-DD date' };
      }
      return { ok: true, value: { type: 'annotate-text', text, published } };
    }
    default:
      return { ok: false, error: `unknown request type: ${JSON.stringify(message.type) ?? 'none'}` };
  }
}

const ANNOTATION_KINDS: readonly unknown[] = ['actor', 'figure', 'quote'] satisfies Annotation['kind'][];

function isAnnotation(value: unknown): boolean {
  return (
    isRecord(value) &&
    ANNOTATION_KINDS.includes(value.kind) &&
    typeof value.start === 'number' &&
    typeof value.end === 'number' &&
    typeof value.text === 'string'
  );
}

// Shallow checks of reply values: enough that a caller never reads a field that is not there.
const REPLY_VALUE_CHECKS: { [K in RequestType]: (value: unknown) => value is ReplyValues[K] } = {
  ping: (value): value is ReplyValues['ping'] => isRecord(value) && typeof value.version === 'string',
  'annotate-text': (value): value is Annotation[] => Array.isArray(value) && value.every(isAnnotation),
};

/** Checks the background's answer to a request of type `type`. */
export function parseReply<K extends RequestType>(type: K, reply: unknown): Reply<K> {
  if (!isRecord(reply)) return { ok: false, error: 'no reply from the background' };
  if (reply.ok === false && typeof reply.error === 'string') return { ok: false, error: reply.error };
  const check: (value: unknown) => value is ReplyValues[K] = REPLY_VALUE_CHECKS[type];
  if (reply.ok === true && check(reply.value)) return { ok: true, value: reply.value };
  return { ok: false, error: `malformed reply to ${type}` };
}
