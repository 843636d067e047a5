import { tokenize, type Token } from './tokenize';
import { sentences, paragraphs, type Span } from './sentences';

/** A text prepared once for every detector: tokens, sentences and paragraphs with cross-indexes. */
export interface Doc {
  text: string;
  tokens: Token[];
  sentences: Span[];
  paragraphs: Span[];
  /** Sentence index of each token. */
  sentenceOf: Int32Array;
  /** Index of each sentence's first token. */
  firstToken: Int32Array;
}

/** Tokenise and split a text. */
export function prepare(text: string): Doc {
  const tokens = tokenize(text);
  const sents = sentences(text);
  const sentenceOf = new Int32Array(tokens.length);
  const firstToken = new Int32Array(sents.length).fill(-1);
  let s = 0;
  tokens.forEach((t, i) => {
    while (s < sents.length - 1 && t.start >= sents[s]!.end) s++;
    sentenceOf[i] = s;
    if (firstToken[s] === -1) firstToken[s] = i;
  });
  return { text, tokens, sentences: sents, paragraphs: paragraphs(text), sentenceOf, firstToken };
}

/** Whether token i is capitalised (first letter upper case). */
export function capitalised(doc: Doc, i: number): boolean {
  return doc.tokens[i]?.upper === true;
}

/** Whether token i opens its sentence (possibly after an opening quote). */
export function sentenceInitial(doc: Doc, i: number): boolean {
  return doc.firstToken[doc.sentenceOf[i]!] === i;
}

/** Lower-case key of token i, or '' outside the text. */
export function keyAt(doc: Doc, i: number): string {
  return doc.tokens[i]?.key ?? '';
}

/** Whether tokens i and i+1 are in the same sentence with only a space between them. */
export function spaced(doc: Doc, i: number): boolean {
  const a = doc.tokens[i];
  const b = doc.tokens[i + 1];
  return !!a && !!b && /^[ \u00a0]+$/.test(doc.text.slice(a.end, b.start));
}

/** The characters between token i and the next token. */
export function gapAfter(doc: Doc, i: number): string {
  const a = doc.tokens[i];
  const b = doc.tokens[i + 1];
  return a ? doc.text.slice(a.end, b ? b.start : doc.text.length) : '';
}
