import type { Span } from '../text/sentences';
import { spanIndexAt } from '../text/sentences';
import type { QuoteSpan } from './spans';

/** Small words a title leaves in lower case: "Belt and Road", "Governance of the Seas". */
const MINOR = new Set('a an and or of the for to in on at by with from as nor but vs de du des la le et'.split(' '));

/** Nouns that name what follows them: the agency «X», the film "X", the platform «X». */
const NAMING_NOUN =
  /(?:newspaper|paper|magazine|daily|site|website|agency|channel|platform|film|movie|album|song|book|programme|program|operation|initiative|campaign|theme|slogan|journal|quotidien|agence|chaîne|chaine|plateforme|opération|газета|газеты|сайт|сайта|агентство|агентства|канал|канала|платформе|платформа|фильм|операция|операции|موقع|صحيفة|وكالة|قناة|منصة|فيلم|عملية|حملة)\s*[:]?\s*$/iu;

const words = (s: string) => s.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];

/**
 * Whether a span between quotation marks is someone's words, not a name, a title or a
 * headline's phrase. News copy puts marks around film titles, nicknames, programmes and
 * newspapers as well as around speech; those are names, whoever wrote them.
 */
export function isQuotation(text: string, q: QuoteSpan, paras: readonly Span[], sentences: readonly Span[]): boolean {
  const inner = text.slice(q.start, q.end);
  const ws = words(inner);
  if (ws.length === 0) return false; // punctuation alone
  if (inHeadline(text, q, paras)) return false;
  // A title keeps its capitals to the end; a full stop inside the marks is American punctuation.
  const bare = inner.replace(/[,;:]+$/, '');
  if (isTitleCase(ws) && ws.length > 1 && ws.length <= 12 && (ws.length > 2 || !/[.!?…]$/.test(bare))) return false;
  const before = text.slice(Math.max(0, q.open - 40), q.open);
  if (ws.length <= 3 && NAMING_NOUN.test(before)) return false;
  if (ws.length > 3 || !/^\p{Lu}/u.test(ws[0]!)) return true;
  // A short capitalised phrase is speech only standing alone with its attribution: “No,” she said; « Non », a-t-il dit.
  return !insideSentence(text, q, sentences) && (/[,.!?…]$/.test(inner) || /^\s*[,—–]/.test(text.slice(q.close + 1)));
}

/** The first line, when it is a headline (short, no final full stop), quotes nobody: 'red line' there is a phrase. */
function inHeadline(text: string, q: QuoteSpan, paras: readonly Span[]): boolean {
  const first = paras[0];
  if (!first || paras.length < 2 || spanIndexAt(paras, q.open) !== 0) return false;
  const line = text.slice(first.start, first.end).trim();
  return words(line).length <= 20 && !/[.!?…]["”»’']?$/.test(line);
}

/** Every word capitalised but the small ones: a title or a proper name ("No Fixed Address"). */
function isTitleCase(ws: readonly string[]): boolean {
  return /^\p{Lu}/u.test(ws[0]!) && ws.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || MINOR.has(w.toLowerCase()));
}

/** Whether the quotation opens inside the reporter's sentence, not at its start or after a colon. */
function insideSentence(text: string, q: QuoteSpan, sentences: readonly Span[]): boolean {
  const s = sentences[spanIndexAt(sentences, q.open)];
  if (!s) return false;
  const before = text.slice(s.start, q.open).trim();
  // The splitter may not end a sentence before « or „: a full stop just before the mark ends it here.
  return before.length > 0 && !/[:—–.!?…-]$/.test(before);
}
