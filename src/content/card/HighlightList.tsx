/** One entry of the keyboard list: a highlight on the page, in its kind's group. */
export interface ListEntry {
  key: string;
  group: string;
  label: string;
}

/** How many options are rendered around the selected one: a long article has thousands of highlights. */
const WINDOW = 40;

export const LIST_ID = 'crosswire-list';
export const optionId = (i: number) => `crosswire-option-${i}`;

/** The control's words: how many highlights the page has (or the open list holds). */
export const controlLabel = (count: number) => `Crosswire: ${count} highlight${count === 1 ? '' : 's'}`;

/** Arrow keys on the control open the list, as Enter and Space do. */
export function controlKey(e: KeyboardEvent, onOpen: () => void): void {
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    onOpen();
  }
}

/**
 * The page's one focusable Crosswire control, and the list of its highlights it opens,
 * grouped by kind. The selected option has the keyboard focus (its highlight is painted as
 * focused, scrolled into view and its card opened by the caller). Only a window of options
 * around the selected one is rendered, each telling its position in the whole list.
 */
export function HighlightList({
  count,
  entries,
  open,
  active,
  focusActive,
  onOpen,
  onKey,
  onPick,
}: {
  /** How many highlights the page has (the entries are listed only while the list is open). */
  count: number;
  entries: ListEntry[];
  open: boolean;
  active: number;
  /** Whether the selected option takes the keyboard focus (not while the reader is in its card). */
  focusActive: boolean;
  onOpen: () => void;
  onKey: (e: KeyboardEvent) => void;
  onPick: (index: number) => void;
}) {
  const from = Math.max(0, Math.min(active - WINDOW / 2, entries.length - WINDOW));
  const shown = entries.slice(from, from + WINDOW).map((entry, i) => ({ entry, index: from + i }));
  const groups = [...new Set(shown.map((s) => s.entry.group))];
  const total = (group: string) => entries.filter((e) => e.group === group).length;
  return (
    <div class={`control${open ? ' open' : ''}`}>
      <button
        type="button"
        class="control-button"
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={open ? LIST_ID : undefined}
        onClick={onOpen}
        onKeyDown={(e) => controlKey(e, onOpen)}
      >
        {controlLabel(count)}
      </button>
      {open && (
        <div
          role="listbox"
          id={LIST_ID}
          class="list-panel"
          aria-label="Crosswire highlights on this page"
          onKeyDown={onKey}
        >
          {entries.length === 0 && <p class="muted">No highlights on this page.</p>}
          {groups.map((group) => (
            <div role="group" key={group} aria-label={`${group} (${total(group)})`}>
              <p class="group-name" aria-hidden="true">
                {group} ({total(group)})
              </p>
              {shown
                .filter((s) => s.entry.group === group)
                .map(({ entry, index }) => (
                  // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox takes its options' keys (one focus moves among them)
                  <div
                    key={entry.key}
                    id={optionId(index)}
                    role="option"
                    class="option"
                    tabIndex={-1}
                    aria-selected={index === active}
                    aria-setsize={entries.length}
                    aria-posinset={index + 1}
                    ref={(el) => {
                      if (el && focusActive && index === active && el !== activeIn(el)) el.focus();
                    }}
                    onClick={() => onPick(index)}
                  >
                    {entry.label}
                  </div>
                ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

/** The focused element in `el`'s root (our shadow root). */
const activeIn = (el: Element) => (el.getRootNode() as ShadowRoot | Document).activeElement;
