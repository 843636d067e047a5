import { tokenize, type Tokens } from './tokenize';
import { sentences, paragraphs, type Span } from './sentences';

/** A text prepared once for every detector: tokens, sentences and paragraphs with cross-indexes. */
export interface Doc {
  text: string;
  tokens: Tokens;
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
  for (let i = 0; i < tokens.length; i++) {
    while (s < sents.length - 1 && tokens.start[i]! >= sents[s]!.end) s++;
    sentenceOf[i] = s;
    if (firstToken[s] === -1) firstToken[s] = i;
  }
  return { text, tokens, sentences: sents, paragraphs: paragraphs(text), sentenceOf, firstToken };
}

/** Whether token i is capitalised (first letter upper case). */
export function capitalised(doc: Doc, i: number): boolean {
  return doc.tokens.word[i]?.upper === true;
}

/** Whether token i opens its sentence (possibly after an opening quote). */
export function sentenceInitial(doc: Doc, i: number): boolean {
  return doc.firstToken[doc.sentenceOf[i]!] === i;
}

/** Lower-case key of token i, or '' outside the text. */
export function keyAt(doc: Doc, i: number): string {
  return doc.tokens.word[i]?.key ?? '';
}

/** Whether tokens i and i+1 are in the same sentence with only a space between them. */
export function spaced(doc: Doc, i: number): boolean {
  const t = doc.tokens;
  return i >= 0 && i + 1 < t.length && /^[ \u00a0]+$/.test(doc.text.slice(t.end[i], t.start[i + 1]));
}

/** The characters between token i and the next token. */
export function gapAfter(doc: Doc, i: number): string {
  const t = doc.tokens;
  if (i < 0 || i >= t.length) return '';
  return doc.text.slice(t.end[i], i + 1 < t.length ? t.start[i + 1] : doc.text.length);
}

/** Text from the start of token `first` to the end of token `last`. */
export function tokenText(doc: Doc, first: number, last: number): string {
  return doc.text.slice(doc.tokens.start[first], doc.tokens.end[last]);
}
