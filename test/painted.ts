// Reading Crosswire's painted highlights in tests, in either browser: the page-side functions
// (src/demo/painted.ts) list each painted range's highlight name and text; these match them to
// the annotations the background keeps for the page (its reading), to tell which actors,
// figures and quotes are on screen.
import type { Annotation } from '../src/core/types';

export { anyPainted, paintedRanges, pointOnPainted } from '../src/demo/painted';

export interface PaintedRange {
  name: string;
  text: string;
}

const kindOf = (name: string) => name.replace(/^crosswire-/, '').split('-')[0]!;

/** How many ranges each kind has painted (actor, figure, quote, note, focus). */
export function paintedCounts(painted: PaintedRange[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of painted) counts[kindOf(p.name)] = (counts[kindOf(p.name)] ?? 0) + 1;
  return counts;
}

/**
 * The distinct ids (actor ids for actors, annotation ids otherwise) of the reading's
 * annotations of `kind` that are painted: a range of that kind's highlight holds the
 * annotation's text, or a piece of it (an annotation across inline markup is several ranges).
 */
export function paintedIds(painted: PaintedRange[], annotations: Annotation[], kind: Annotation['kind']): string[] {
  const texts = painted.filter((p) => kindOf(p.name) === kind).map((p) => p.text);
  const ids = annotations
    .filter((a) => a.kind === kind && texts.some((t) => t === a.text || (t.length > 1 && a.text.includes(t))))
    .map((a) => (a.kind === 'actor' ? (a.actorId ?? a.id) : a.id));
  return [...new Set(ids)];
}

/**
 * Where the first painted range of a highlight whose name starts with `prefix` holds `text`:
 * [that highlight's name, the range's index in it], as pointOnPainted takes it; null if none.
 */
export function paintedSpot(painted: PaintedRange[], prefix: string, text: string): [string, number] | null {
  const seen = new Map<string, number>();
  for (const p of painted) {
    const n = seen.get(p.name) ?? 0;
    seen.set(p.name, n + 1);
    if (p.name.startsWith(prefix) && p.text.includes(text)) return [p.name, n];
  }
  return null;
}

/** One option of the keyboard list (src/content/card/HighlightList.tsx), as its markup shows it. */
export interface ListOption {
  /** Its place in the whole list, from 1 (only a window of options around the selected one is rendered). */
  position: number;
  label: string;
  selected: boolean;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&nbsp;': ' ' };

/** The options the list control renders, read from its markup (either browser serialises it the same way). */
export function listOptions(markup: string): ListOption[] {
  return [...markup.matchAll(/<div([^>]*\brole="option"[^>]*)>([^<]*)<\/div>/g)].map(
    ([, attributes = '', label = '']) => ({
      position: Number(/aria-posinset="(\d+)"/.exec(attributes)?.[1]),
      selected: /aria-selected="true"/.test(attributes),
      label: label.replace(/&\w+;/g, (e) => ENTITIES[e] ?? e),
    }),
  );
}

/**
 * Move the open list's selection to the first option whose label matches `wanted`, by
 * keyboard only: arrows once it is rendered, pages down until then. `read` gives the
 * control's markup, `press` presses a key in the page. Returns the option selected.
 */
export async function selectOption(
  read: () => Promise<string>,
  press: (key: string) => Promise<void>,
  wanted: RegExp,
): Promise<ListOption> {
  let before = 0;
  for (;;) {
    const options = listOptions(await read());
    const target = options.find((o) => wanted.test(o.label));
    const selected = options.find((o) => o.selected);
    // A page down that moved nothing: the end of the list, and no option matched.
    if (!selected || (!target && selected.position === before))
      throw new Error(`no option of the list matches ${wanted}`);
    if (target) {
      const step = target.position > selected.position ? 'ArrowDown' : 'ArrowUp';
      for (let i = 0; i < Math.abs(target.position - selected.position); i++) await press(step);
      return target;
    }
    before = selected.position;
    await press('PageDown');
  }
}

/**
 * Runs in the page: focus the last element of the page's own Tab order, from which Tab
 * reaches Crosswire's control (our host comes after the body). Returns that element's tag.
 */
export function focusPageEnd(): string | null {
  const stops = [
    ...document.body.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]'),
  ];
  const last = stops.filter((e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled).at(-1);
  last?.focus();
  return last?.tagName ?? null;
}

/**
 * Page-side: whether the content script has painted every highlight of its first pass (it sets
 * the performance mark `crosswire:done` then; see src/content/timing.ts).
 */
export function firstPassDone(): boolean {
  return performance.getEntriesByName('crosswire:done').length > 0;
}
