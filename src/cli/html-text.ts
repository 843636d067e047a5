import { parseHTML } from 'linkedom';
import { extractArticle as extract, type ExtractedArticle } from '../shared/article-text';

export type Extracted = ExtractedArticle;

const parse = (html: string) => parseHTML(html).document as unknown as Document;

/** The article body of an HTML page as plain text, with Readability on a linkedom document. */
export function extractArticle(html: string): Extracted {
  return extract(parse(html), parse);
}
