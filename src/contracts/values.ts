/**
 * The values several contracts carry, declared once as schemas: a page as a content script
 * reads it, a figure to compare, a notes filter, the reader's settings.
 */
import * as v from 'valibot';

// An article's text is tens of kilobytes and the engine is tested up to 5 MB; far beyond
// that is a bug upstream, not a page, and would stall the background.
export const MAX_TEXT_LENGTH = 8_000_000;
export const MAX_IMPORT_LENGTH = 50 * 1024 * 1024;

/** 8000000 as "8,000,000". Not toLocaleString: its first call sets up number formatting, which every page that loads this paid for. */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');
export const text = (max = MAX_TEXT_LENGTH) =>
  v.pipe(v.string('must be a string'), v.maxLength(max, `is longer than ${grouped(max)} characters`));
export const id = v.pipe(v.string('must be an id'), v.minLength(1, 'must be an id'), v.maxLength(199, 'must be an id'));
// The engine resolves roles by calendar date, so senders cut a page's published time down to its date.
export const date = v.pipe(
  v.string('must be a YYYY-MM-DD date'),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a YYYY-MM-DD date'),
);
export const count = (max: number) =>
  v.pipe(
    v.number(`must be a whole number from 0 to ${max}`),
    v.integer(`must be a whole number from 0 to ${max}`),
    v.minValue(0, `must be a whole number from 0 to ${max}`),
    v.maxValue(max, `must be a whole number from 0 to ${max}`),
  );
export const tabId = count(2 ** 31);
const finite = v.pipe(v.number('must be a number'), v.finite('must be a number'));
const bool = v.boolean('must be true or false');

/** A page as a content script (or the extractor) reads it: its article text and what it says about itself. */
export const PageInputSchema = v.strictObject({
  text: text(),
  url: v.optional(text(2048)),
  /** rel=canonical and og:url of the page, when it has them. */
  canonical: v.optional(text(2048)),
  ogUrl: v.optional(text(2048)),
  headline: v.optional(text(1000)),
  /** YYYY-MM-DD. */
  published: v.optional(date),
});
export type PageInput = v.InferOutput<typeof PageInputSchema>;

/** A figure on the page, as the corpus compares it (see core/match summaryFigure). */
export const FigureQuerySchema = v.strictObject({
  counts: id,
  subject: v.nullable(text(200)),
  value: v.nullable(finite),
  low: v.nullable(finite),
  high: v.nullable(finite),
  qualifier: v.nullable(text(40)),
  published: v.nullable(date),
  unit: v.optional(text(40)),
  text: v.optional(text(200)),
  /** The page gives a disagreeing toll of this kind for this place too: no single incident to compare. */
  severalIncidents: v.optional(bool),
});
export type FigureQuery = v.InferOutput<typeof FigureQuerySchema>;

/** Which notes an export takes: those matching every field given. */
export const NoteFilterSchema = v.strictObject({
  site: v.optional(text(255)),
  actorId: v.optional(id),
  tag: v.optional(text(200)),
  /** YYYY-MM-DD, inclusive. */
  from: v.optional(date),
  to: v.optional(date),
});
export type NoteFilter = v.InferOutput<typeof NoteFilterSchema>;

/** What the reader chooses. */
export const SettingsSchema = v.strictObject({
  /** Add every article page read on enabled sites to the corpus (opt-in). */
  rememberArticles: bool,
  /** Sites (host names) where the reader switched highlighting off. */
  disabledSites: v.pipe(v.array(text(255), 'must be a list of host names'), v.maxLength(9_999, 'has too many sites')),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;
export const SettingsPatchSchema = v.partial(SettingsSchema);

export const ExportFormatSchema = v.picklist(['jsonld', 'csv', 'backup'], 'must be one of jsonld, csv, backup');
export type ExportFormat = v.InferOutput<typeof ExportFormatSchema>;

/** This page's annotations as a file: JSON-LD with the cross-references, the notes as CSV, or a Markdown report. */
export const PageExportKindSchema = v.picklist(['jsonld', 'csv', 'markdown'], 'must be one of jsonld, csv, markdown');
export type PageExportKind = v.InferOutput<typeof PageExportKindSchema>;

const whole = (min: number, max: number) => {
  const says = `must be a whole number from ${min} to ${max}`;
  return v.pipe(v.number(says), v.integer(says), v.minValue(min, says), v.maxValue(max, says));
};

/** How the reader follows the outlets' news (the options page; off until they turn it on). */
export const FollowingSettingsSchema = v.strictObject({
  on: bool,
  /** Minutes between polls. */
  intervalMinutes: whole(5, 1440),
  /** Days a feed entry stays in the corpus, unless a note holds it or the reader kept it. */
  retentionDays: whole(1, 365),
  /** Fetch the top matches of a story in full, by themselves, up to a daily limit. */
  autoFullText: bool,
  dailyFullTextLimit: whole(0, 500),
});
export type FollowingSettings = v.InferOutput<typeof FollowingSettingsSchema>;
export const FollowingPatchSchema = v.partial(FollowingSettingsSchema);

/** A feed's or a shared corpus's address: http(s) only (no file:, data: or extension URLs). */
export const FEED_URL = v.pipe(
  v.string('must be an http(s) address'),
  v.maxLength(2048, 'is longer than 2,048 characters'),
  v.regex(/^https?:\/\/[^\s/]+\.[^\s]*$/i, 'must be an http(s) address like https://example.org/feed.xml'),
);

export const ORIGIN = v.pipe(
  v.string(),
  v.regex(/^https?:\/\/[a-z0-9.-]+$/i, 'must be an origin like https://www.example.org'),
);
export { bool, finite };
