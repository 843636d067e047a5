/**
 * The contract from a content script to the background. A content script lives in a page
 * we do not control, so it may only read its page, ask about the corpus, and keep notes on
 * its page: the corpus itself, the settings and files are our own pages' business.
 */
import * as v from 'valibot';
import { parseWith, type Result, request, typesOf } from './check';
import { SHARED_REQUESTS } from './shared-requests';
import { date, id, PageInputSchema, text } from './values';

export const ContentRequestSchema = v.variant('type', [
  ...SHARED_REQUESTS,
  /**
   * A page of a news site started loading (src/content/wake.ts, at document_start): the
   * background gets ready to read it. It carries nothing about the page.
   */
  request('wake', {}),
  /**
   * The page, sent once: its article text and what it says about itself. The background
   * cleans, annotates, summarises and identifies it, keeps that reading by article id and
   * by tab, and answers with it (a PageReading).
   */
  request('read-page', { page: PageInputSchema }),
  /**
   * The page marks no article body: the background runs the extractor (Readability, which
   * the content script does not carry) in the sender's tab, and answers with the article's text.
   */
  request('extract-article', {}),
  /** Text the page added after the first reading (a late paragraph), annotated as part of the page `articleId`. */
  request('annotate-text', { articleId: v.optional(id), text: text(), published: v.optional(date) }),
]);

export type ContentRequest = v.InferOutput<typeof ContentRequestSchema>;
export const CONTENT_REQUEST_TYPES = typesOf(ContentRequestSchema) as ContentRequest['type'][];

/** Checks a message from a content script. */
export const parseContentRequest = (message: unknown): Result<ContentRequest> =>
  parseWith(ContentRequestSchema, CONTENT_REQUEST_TYPES, message);
