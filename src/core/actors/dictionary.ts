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
    const { keys, shapes } = surfaceWords(surface);
    if (keys.length === 0) return;
    let node = this.root;
    for (const key of keys) {
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = { next: new Map(), hits: [] }));
      node = child;
    }
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

const foldedKey = (surface: string) => surfaceWords(surface).keys.join(' ');

/** A name's or alias's words as the trie keys them, and as written (diacritics and dots removed). */
export interface SurfaceWords {
  keys: string[];
  shapes: string[];
}

/**
 * The words of the bundled dictionary's surfaces, worked out when the extension is built
 * (`wordsOfBuild`): tokenizing its 8,000 names and aliases (Unicode folding, Arabic and
 * Russian forms) was most of the dictionary's build, which a service worker pays each time it
 * starts. Each is kept as "keys", or "keys\tshapes" when the shapes are not the surface's own
 * words (words are joined by spaces: no word holds one). Read when a dictionary is first built,
 * not when the worker starts: a worker woken for a closed tab never needs them.
 */
type Words = Readonly<Record<string, string>>;
let prebuiltSource: (() => Words) | null = null;
let prebuilt: Words | null = null;
let recording: Record<string, string> | null = null;

/** A surface of letters and single spaces: its words are its own, lower-cased as keys, as tokenize makes them. */
const PLAIN = /^[A-Za-z]+(?: [A-Za-z]+)*$/;
const split = (words: string) => (words ? words.split(' ') : []);

/** A surface's words: read off a plain one, from the build's words, else tokenized. */
export function surfaceWords(surface: string): SurfaceWords {
  if (PLAIN.test(surface)) {
    const shapes = surface.split(' ');
    return { keys: shapes.map((w) => w.toLowerCase()), shapes };
  }
  prebuilt ??= prebuiltSource?.() ?? null;
  const known = prebuilt && Object.hasOwn(prebuilt, surface) ? prebuilt[surface] : undefined;
  if (known !== undefined) {
    const [keys = '', shapes = surface] = known.split('\t');
    return { keys: split(keys), shapes: split(shapes) };
  }
  const words = tokenize(surface).word;
  const found = { keys: words.map((w) => w.key), shapes: words.map((w) => w.shape) };
  if (recording) {
    const shapes = found.shapes.join(' ');
    recording[surface] = shapes === surface ? found.keys.join(' ') : `${found.keys.join(' ')}\t${shapes}`;
  }
  return found;
}

/** Use the words `wordsOfBuild` worked out, read when first needed; a surface they lack is tokenized as before. */
export function usePrebuiltWords(read: (() => Words) | null): void {
  prebuiltSource = read;
  prebuilt = null;
}

/** The words of every surface that is not plain which `build` (a dictionary's build) asks for, each tokenized. */
export function wordsOfBuild(build: () => unknown): Record<string, string> {
  const saved = [prebuiltSource, prebuilt] as const;
  [prebuiltSource, prebuilt] = [null, null];
  recording = {};
  try {
    build();
    return recording;
  } finally {
    recording = null;
    [prebuiltSource, prebuilt] = saved;
  }
}

const RANKS: Form[] = ['name', 'alias', 'foreign', 'demonym', 'plural', 'seat', 'ambiguous', 'surname'];
const rank = (f: Form) => RANKS.indexOf(f);

/** Whether a role from `from` to `to` was held on `date`; with no date, any role counts. */
export function activeOn(from: string, to: string | null, date: string | null): boolean {
  if (!date) return true;
  return from.padEnd(10, '-00') <= date && (to === null || date <= to.padEnd(10, '-99'));
}
