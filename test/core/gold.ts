import { readdirSync, readFileSync } from 'node:fs';
import { slugify } from '../../src/core/text/fold';
import type { Dictionary } from '../../src/core/actors/dictionary';
import type { Annotation, FigureAnnotation, QuoteAnnotation } from '../../src/core/types';
import { GOLD, SEEDS } from '../fixtures/paths';

export interface GoldFile {
  file: string;
  outlet: string;
  published: string;
  actors: { name: string; type: string; aka: string[]; mentions: { surface: string; count: number }[] }[];
  figures: {
    surface: string;
    value: number | null;
    low: number | null;
    high: number | null;
    qualifier: string | null;
    counts: string;
    sentence_start: string;
  }[];
  quotes: { text: string; speaker: string; partial: boolean }[];
  /** Strings in that article that must not be tagged there. */
  not_actors: string[];
}

/** The seed articles with their gold annotations (test/fixtures/gold), in file order. */
export function goldFiles(): { gold: GoldFile; text: string }[] {
  return readdirSync(GOLD)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const gold = JSON.parse(readFileSync(`${GOLD}${f}`, 'utf8')) as GoldFile;
      return { gold, text: readFileSync(`${SEEDS}${gold.file}`, 'utf8') };
    });
}

/** Our id for a gold actor name: the dictionary entry with that name or alias, else the id an introduced person gets. */
export function idFor(dict: Dictionary, name: string, aka: string[] = []): string {
  for (const a of dict.byId.values()) if (a.name === name) return a.id;
  for (const a of dict.byId.values()) if ([name, ...aka].some((n) => a.aliases.includes(n))) return a.id;
  return `unlisted-${slugify(name)}`;
}

export interface Score {
  truePositives: number;
  ours: number;
  gold: number;
  precision: number;
  recall: number;
  missed: string[];
  extra: string[];
}

/**
 * Mentions are compared as (actor, surface) counts, as the gold records them. Role
 * descriptions ("the foreign minister") are left out: the gold's rule 3 counts no descriptions.
 */
export function scoreActors(dict: Dictionary, gold: GoldFile, anns: Annotation[]): Score {
  const key = (id: string | null, surface: string) => `${id}|${surface}`;
  const want = new Map<string, number>();
  for (const a of gold.actors)
    for (const m of a.mentions)
      want.set(
        key(idFor(dict, a.name, a.aka), m.surface),
        (want.get(key(idFor(dict, a.name, a.aka), m.surface)) ?? 0) + m.count,
      );
  const got = new Map<string, number>();
  for (const a of anns)
    if (a.kind === 'actor' && a.via !== 'role')
      got.set(key(a.actorId, a.text), (got.get(key(a.actorId, a.text)) ?? 0) + 1);
  let tp = 0;
  const missed: string[] = [];
  const extra: string[] = [];
  for (const [k, n] of want) {
    tp += Math.min(n, got.get(k) ?? 0);
    if ((got.get(k) ?? 0) < n) missed.push(`${k} x${n - (got.get(k) ?? 0)}`);
  }
  for (const [k, n] of got) if (n > (want.get(k) ?? 0)) extra.push(`${k} x${n - (want.get(k) ?? 0)}`);
  const ours = [...got.values()].reduce((s, n) => s + n, 0);
  const total = [...want.values()].reduce((s, n) => s + n, 0);
  return { truePositives: tp, ours, gold: total, precision: tp / ours, recall: tp / total, missed, extra };
}

/** Where a gold figure is in the text: its surface, searched from its sentence's start. */
export function locateFigure(text: string, f: GoldFile['figures'][number]): { start: number; end: number } {
  const from = text.indexOf(f.sentence_start);
  const start = text.indexOf(f.surface, Math.max(0, from));
  return { start, end: start + f.surface.length };
}

const close = (a: number | null | undefined, b: number | null | undefined) =>
  (a ?? null) === (b ?? null) || (a != null && b != null && Math.abs(a - b) <= Math.abs(b) * 1e-3);

/** Each gold figure with the figure we found over it and whether value, qualifier and counts agree. */
export function checkFigures(text: string, gold: GoldFile, anns: Annotation[]) {
  return gold.figures.map((g) => {
    const at = locateFigure(text, g);
    const ours = anns.find((a): a is FigureAnnotation => a.kind === 'figure' && a.start < at.end && a.end > at.start);
    const ok =
      !!ours &&
      close(ours.value, g.value) &&
      close(ours.low, g.low) &&
      close(ours.high, g.high) &&
      ours.qualifier === g.qualifier &&
      ours.counts === g.counts;
    return { gold: g, ours, ok };
  });
}

const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/\(.*?\)/g, '')
    .split(/[^\p{L}-]+/u)
    .filter((w) => w.length > 2 && !['the', 'for'].includes(w));

/** Each gold quote with ours and whether the speaker agrees (by id, or by description words for unnamed speakers). */
export function checkQuotes(dict: Dictionary, gold: GoldFile, anns: Annotation[]) {
  const ids = new Set(gold.actors.map((a) => a.name));
  return gold.quotes.map((g) => {
    const ours = anns.find((a): a is QuoteAnnotation => a.kind === 'quote' && a.text === g.text);
    let ok = false;
    if (ours && ids.has(g.speaker))
      ok = ours.speakerId === idFor(dict, g.speaker, gold.actors.find((a) => a.name === g.speaker)?.aka);
    else if (ours?.speaker) {
      const want = words(g.speaker);
      const have = new Set(words(ours.speaker));
      ok = want.filter((w) => have.has(w)).length >= Math.ceil((want.length * 2) / 3);
    }
    return { gold: g, ours, ok };
  });
}
