/**
 * How a contract checks what it receives: each request is declared once, as a valibot
 * schema; its TypeScript type is inferred from that schema, and the same schema checks it
 * on receipt. So no message can have a type without a check.
 */
import * as v from 'valibot';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** A request: its `type` tag and its fields; unknown fields are refused (the sender speaks another version). */
export function request<const T extends string, const E extends v.ObjectEntries>(type: T, entries: E) {
  return v.strictObject({ type: v.literal(type), ...entries });
}

/** The first problem of a failed check, located: "figure.value must be a number". */
export function firstProblem(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  if (!issue) return 'malformed';
  const path = issue.path?.map((p) => String(p.key)).join('.');
  if (issue.kind === 'schema' && issue.type === 'strict_object' && issue.expected === 'never')
    return `unexpected ${path ?? 'field'}`;
  if (issue.received === 'undefined' && issue.kind === 'schema') return `${path ?? 'value'} is required`;
  // Our schemas word their own messages ("is longer than…", a note's "url must be…");
  // valibot's defaults ("Invalid type: Expected…") become "must be <expected>".
  const message = issue.message.startsWith('Invalid ') ? `must be ${issue.expected}` : issue.message;
  return path ? `${path} ${message}` : message;
}

/**
 * Checks a message against a contract (a variant of requests on `type`): the request, or
 * what is wrong with it, prefixed with its type.
 */
export function parseWith<S extends v.GenericSchema>(
  schema: S,
  types: readonly string[],
  message: unknown,
): Result<v.InferOutput<S>> {
  if (typeof message !== 'object' || message === null || Array.isArray(message))
    return { ok: false, error: 'request must be an object' };
  const type = (message as { type?: unknown }).type;
  if (typeof type !== 'string' || !types.includes(type))
    return { ok: false, error: `unknown request type: ${JSON.stringify(type) ?? 'none'}` };
  // Firefox's structured clone keeps `key: undefined` where Chrome's JSON drops it.
  const clean = Object.fromEntries(Object.entries(message).filter(([, value]) => value !== undefined));
  const result = v.safeParse(schema, clean);
  return result.success
    ? { ok: true, value: result.output }
    : { ok: false, error: `${type}: ${firstProblem(result.issues)}` };
}

/** The `type` tags of a variant of requests, in declaration order. */
export function typesOf(schema: { options: readonly { entries: { type: { literal: string } } }[] }): string[] {
  return schema.options.map((option) => option.entries.type.literal);
}
