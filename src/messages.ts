/**
 * The one import point for the message contracts (src/contracts/): one contract for each
 * direction, each request declared once as a schema that gives both its type and its check.
 * - content script -> background: contracts/content-to-background.ts
 * - our pages (popup, options) -> background: contracts/page-to-background.ts
 * - background -> content script: contracts/background-to-content.ts
 * Replies are `{ ok: true, value } | { ok: false, error }`, checked by the receiver (contracts/replies.ts).
 * The two checks a content script runs (a command's and a reply's) are imported from their own
 * contract instead: through here, its bundle would also build every request schema at load,
 * though it never checks a request (7 KB less of content script; setting it up took 0.1-1 ms
 * less a page in an A/B run).
 */
export type { FigureQuery } from './contracts/values';
export * from './contracts/background-to-content';
export type { Result } from './contracts/check';
export * from './contracts/content-to-background';
export * from './contracts/page-to-background';
export * from './contracts/replies';
export type {
  ExportFormat,
  NoteFilter,
  PageExportKind,
  PageInput,
  Settings,
} from './contracts/values';
export type { Annotation } from './core/types';
