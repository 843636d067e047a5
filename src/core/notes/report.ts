/**
 * A Markdown report of one article: what Crosswire found, how other outlets compare, and
 * the reader's notes. Headlines, sentences and notes are page or reader text: every one is
 * escaped so it shows as written and can never become a link, an image, a table cell or
 * HTML in whatever renders the report.
 */
import type { Note } from './types';

/** What the report shows, gathered by the caller from the page, the matches and the notes. */
export interface ArticleReportInput {
  title: string | null;
  url: string;
  outlet: string;
  published: string | null;
  actors: {
    label: string;
    type: string;
    mentions: number;
    outlets: { outlet: string; sentence: string; url: string | null }[];
  }[];
  figures: {
    text: string;
    quantity: string;
    attribution: string | null;
    others: { outlet: string; published: string | null; text: string; agrees: boolean }[];
    explanation: string | null;
  }[];
  quotes: {
    text: string;
    speaker: string | null;
    others: { outlet: string; kind: 'verbatim' | 'reworded' | 'in part' | 'absent' }[];
  }[];
  notes: Note[];
  /** Notes whose quote is no longer found in the article. */
  orphans?: Note[];
}

const STANCE: Record<string, string> = { verified: 'verified', disputed: 'disputed', 'follow-up': 'to follow up' };

/** The article's report as a Markdown document; `now` is the date printed on it. */
export function articleReport(input: ArticleReportInput, now: Date): string {
  const title = inline(input.title ?? '') || inline(input.url);
  const out: string[] = [`# ${link(title, input.url)}`, ''];
  const dated = input.published ? ` · published ${inline(input.published)}` : '';
  const made = now.toISOString().slice(0, 16).replace('T', ' ');
  out.push(`${inline(input.outlet) || 'Unknown outlet'}${dated} · report made ${made} UTC by Crosswire`, '');

  out.push('## Actors', '');
  if (!input.actors.length) out.push('None found.', '');
  for (const a of input.actors) {
    out.push(`- **${inline(a.label)}** (${inline(a.type)}), ${a.mentions} mention${a.mentions === 1 ? '' : 's'}`);
    for (const o of a.outlets) out.push(`  - ${link(inline(o.outlet), o.url)}: “${inline(o.sentence)}”`);
  }
  if (input.actors.length) out.push('');

  out.push('## Figures', '');
  if (!input.figures.length) out.push('None found.', '');
  else {
    out.push('| Quantity | This article | Other outlets |', '| --- | --- | --- |');
    for (const f of input.figures) {
      const here = `“${inline(f.text)}”${f.attribution ? `, according to ${inline(f.attribution)}` : ''}`;
      const others = f.others.map((o) => {
        const when = o.published ? ` (${inline(o.published)})` : '';
        return `${inline(o.outlet)}${when}: “${inline(o.text)}”, ${o.agrees ? 'agrees' : 'differs'}`;
      });
      out.push(`| ${inline(f.quantity)} | ${here} | ${others.join('; ') || 'no other outlet gives this figure'} |`);
    }
    out.push('');
    const explained = input.figures.filter((f) => f.explanation);
    for (const f of explained) out.push(`- ${inline(f.quantity)}: ${inline(f.explanation!)}`);
    if (explained.length) out.push('');
  }

  out.push('## Quotes', '');
  if (!input.quotes.length) out.push('None found.', '');
  for (const q of input.quotes) {
    out.push(`- “${inline(q.text)}”${q.speaker ? `, ${inline(q.speaker)}` : ''}`);
    const seen = q.others.map((o) =>
      o.kind === 'absent' ? `absent from ${inline(o.outlet)}` : `${o.kind} in ${inline(o.outlet)}`,
    );
    if (seen.length) out.push(`  - ${seen.join('; ')}`);
  }
  if (input.quotes.length) out.push('');

  out.push('## Notes', '');
  if (!input.notes.length) out.push('No notes.', '');
  input.notes.forEach((n, i) => out.push(...noteBlock(n, i + 1)));
  if (input.orphans?.length) {
    out.push('## Notes that could not be placed', '', 'Their quoted text is no longer found in the article.', '');
    input.orphans.forEach((n, i) => out.push(...noteBlock(n, i + 1)));
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function noteBlock(n: Note, number: number): string[] {
  const out = [`### Note ${number}`, '', ...quoteBlock(n.target.exact), ''];
  const text = block(n.note);
  if (text.length) out.push(...text, '');
  const meta = [
    n.tags.length ? `Tags: ${n.tags.map(inline).join(', ')}` : '',
    n.stance ? `Stance: ${STANCE[n.stance] ?? inline(n.stance)}` : '',
    `Written ${inline(n.created.slice(0, 10))}`,
  ].filter(Boolean);
  out.push(meta.join(' · '), '');
  return out;
}

const quoteBlock = (s: string): string[] => block(s).map((line) => (line ? `> ${line}` : '>'));

/** Multi-line text as paragraphs: each line escaped, hard breaks kept, no line able to start a block. */
function block(s: string): string[] {
  const lines = s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => lineStart(escapeInline(l.trim())));
  while (lines.length && !lines[lines.length - 1]) lines.pop();
  while (lines.length && !lines[0]) lines.shift();
  // Two trailing spaces: a line break inside the paragraph, as the reader wrote it.
  return lines.map((l, i) => (l && lines[i + 1] ? `${l}  ` : l));
}

/** One line of page text: line breaks become spaces, Markdown and HTML characters are escaped. */
export function inline(s: string): string {
  return lineStart(escapeInline(s.replace(/\s+/g, ' ').trim()));
}

// Backslash escapes for inline markup (CommonMark allows one before any ASCII punctuation);
// "&" only where it would start an entity ("&lt;" must not turn into "<").
const escapeInline = (s: string) => s.replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/&(?=#?\w+;)/g, '\\&');

// What makes a line a heading, list, rule or setext underline when it starts one.
const lineStart = (s: string) => s.replace(/^([#+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');

/** A link only to a web page; anything else (javascript:, data:) is shown as text. */
function link(label: string, url: string | null): string {
  if (!url || !/^https?:\/\/[^\s]+$/i.test(url)) return label;
  // Percent-encode what could close or break the destination: <, >, spaces, parentheses.
  const dest = url.replace(/[<>()\s\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return label ? `[${label}](<${dest}>)` : `<${dest}>`;
}
