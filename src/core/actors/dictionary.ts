import type { ActorEntry, PersonEntry, RoleKind, StateEntry } from './schema';
import { isArabic } from '../text/fold';
import { tokenize, type Word } from '../text/tokenize';
import { foreignSurnames, nearSpelling } from './foreign-forms';

/** How a dictionary form relates to its actor; detection treats each differently. */
export type Form = 'name' | 'alias' | 'foreign' | 'ambiguous' | 'surname' | 'demonym' | 'plural' | 'seat';

export interface Hit {
  actor: ActorEntry;
  form: Form;
  /** The form's tokens as written (diacritics and dots removed), for case checks. */
  shapes: string[];
  /** A surname that is also a common word or another person's name ("Ban", "Amos"). */
  ambiguous: boolean;
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  hits: Hit[];
}

const UN_PREFIXES = ['UN', 'United Nations'];

/** The actor dictionary, indexed for matching: a token trie plus lookups by id, ISO code and role. */
export class Dictionary {
  readonly root: TrieNode = { next: new Map(), hits: [] };
  readonly byId = new Map<string, ActorEntry>();
  readonly byIso = new Map<string, StateEntry>();
  readonly people: PersonEntry[] = [];
  /** Every alias's surface, for the benchmark's single-RegExp baseline. */
  readonly surfaces: string[] = [];

  constructor(entries: readonly ActorEntry[]) {
    for (const e of entries) {
      this.byId.set(e.id, e);
      if (e.type === 'state') this.byIso.set(e.iso, e);
      if (e.type === 'person') this.people.push(e);
    }
    const unId = entries.find((e) => e.type === 'organization' && e.name === 'United Nations')?.id;
    for (const e of entries) this.index(e, unId);
  }

  /** The state or organisation a role's or person's `of` names (ISO code or id). */
  resolveRef(ref: string): ActorEntry | undefined {
    return this.byIso.get(ref) ?? this.byId.get(ref);
  }

  /**
   * The actors a whole name or alias stands for, in any form the engine resolves: "Lavrov",
   * "U.N.", "Moscow", "Лаврова" (a Russian case), "وموسكو" (an Arabic prefix), "Lavrov's", and
   * a name spelled otherwise than the dictionary ("Sergej Lavrov") when one person fits.
   */
  lookup(text: string): ActorEntry[] {
    const name = text.trim().replace(/['’]s$/u, '');
    const tokens = tokenize(name);
    const found = this.exact(tokens.word);
    if (found.length || tokens.length < 2) return found;
    return this.spelledOtherwise(name, tokens.word.at(-1)!);
  }

  /** The actors of the form these words spell; the first word may be read without an Arabic prefix. */
  private exact(words: readonly Word[]): ActorEntry[] {
    const [first, ...rest] = words;
    for (const key of first ? [first.key, ...(first.alts ?? [])] : []) {
      let node: TrieNode | undefined = this.root.next.get(key);
      for (const w of rest) node = node?.next.get(w.key);
      if (node?.hits.length) return [...new Set(node.hits.map((h) => h.actor))];
    }
    return [];
  }

  /** The one person known by the name's last word, one of whose names it spells within a typo or two. */
  private spelledOtherwise(name: string, last: Word): ActorEntry[] {
    const people = this.exact([last]).filter(
      (a): a is PersonEntry => a.type === 'person' && [a.name, ...a.aliases].some((f) => nearSpelling(f, name)),
    );
    return people.length === 1 ? people : [];
  }

  private readonly holderCache = new Map<string, PersonEntry[]>();

  /** People holding an office of `kind` for `of` (an actor id) on `date` (YYYY-MM-DD). */
  holders(kind: RoleKind, of: string | null, date: string | null, title?: RegExp): PersonEntry[] {
    const key = `${kind}|${of}|${date}|${title?.source ?? ''}`;
    let found = this.holderCache.get(key);
    if (!found) {
      found = this.people.filter((p) =>
        p.roles.some(
          (r) =>
            r.kind === kind &&
            (of === null || this.resolveRef(r.of)?.id === of) &&
            (!title || title.test(r.title)) &&
            activeOn(r.from, r.to, date),
        ),
      );
      if (this.holderCache.size > 10_000) this.holderCache.clear();
      this.holderCache.set(key, found);
    }
    return found;
  }

  private index(e: ActorEntry, unId: string | undefined): void {
    const foreign = e.type === 'person' ? foreignSurnames(e) : [];
    // Compared folded, so the French "Israël" is as ambiguous as "Israel". Arabic surnames are
    // often words too ("السوداني", "the Sudanese"): they need the full name in the article.
    const ambiguous = new Set([...(e.ambiguous ?? []), ...foreign.filter(isArabic)].map(foldedKey));
    const add = (surface: string, form: Form) => {
      const isAmbiguous = ambiguous.has(foldedKey(surface));
      this.add(surface, isAmbiguous && form !== 'surname' ? 'ambiguous' : form, e, isAmbiguous);
    };
    add(e.name, 'name');
    for (const a of e.aliases) add(a, 'alias');
    for (const list of Object.values(e.names ?? {})) for (const n of list ?? []) add(n, 'foreign');
    for (const a of e.ambiguous ?? []) add(a, 'ambiguous');
    if (e.type === 'person') for (const s of [...e.surnames, ...foreign]) add(s, 'surname');
    if (e.type === 'state') {
      for (const d of e.demonyms) add(d, 'demonym');
      for (const p of e.plurals) add(p, 'plural');
      for (const s of e.seats) add(s, 'seat');
    }
    // Arabic copy calls a council it has named "المجلس" ("the council"), as English copy says
    // "the council": a back-reference, accepted only where that council is named.
    if (e.type !== 'state' && e.type !== 'person' && (e.names?.ar ?? []).some((n) => n.startsWith('مجلس ')))
      add('المجلس', 'ambiguous');
    // UN organs are written with and without the prefix: "Security Council", "UN Security Council".
    if (e.type !== 'state' && e.type !== 'person' && unId && e.parent === unId) {
      for (const a of [e.name, ...e.aliases]) {
        if (!/^(UN|U\.N\.|United Nations)\b/.test(a) && a.split(' ').length > 1)
          for (const p of UN_PREFIXES) add(`${p} ${a}`, 'alias');
      }
    }
  }

  private add(surface: string, form: Form, actor: ActorEntry, ambiguous: boolean): void {
    const tokens = tokenize(surface);
    if (tokens.length === 0) return;
    let node = this.root;
    for (const w of tokens.word) {
      let child = node.next.get(w.key);
      if (!child) node.next.set(w.key, (child = { next: new Map(), hits: [] }));
      node = child;
    }
    const shapes = tokens.word.map((w) => w.shape);
    const same = node.hits.find((h) => h.actor === actor && h.shapes.join(' ') === shapes.join(' '));
    if (same) {
      // Keep the strongest reading of a form listed twice (name beats ambiguous beats surname).
      if (rank(form) < rank(same.form)) same.form = form;
      return;
    }
    node.hits.push({ actor, form, shapes, ambiguous });
    this.surfaces.push(surface);
  }
}

const foldedKey = (surface: string) =>
  tokenize(surface)
    .word.map((w) => w.key)
    .join(' ');

const RANKS: Form[] = ['name', 'alias', 'foreign', 'demonym', 'plural', 'seat', 'ambiguous', 'surname'];
const rank = (f: Form) => RANKS.indexOf(f);

/** Whether a role from `from` to `to` was held on `date`; with no date, any role counts. */
export function activeOn(from: string, to: string | null, date: string | null): boolean {
  if (!date) return true;
  return from.padEnd(10, '-00') <= date && (to === null || date <= to.padEnd(10, '-99'));
}
