import { useEffect, useRef, useState } from 'preact/hooks';
import type { FeedStatus, FollowingState, Request, Result } from '../messages';
import type { Ask } from '../shared/ask';
import { webAddress } from './follow-words';
import type { Note } from './Note';
import type { Permission } from './permission';

/** The requests that add or remove a feed or a shared corpus: each answers the new state. */
type SourceRequest = Extract<Request, { type: 'add-feed' | 'remove-feed' | 'subscribe-corpus' | 'unsubscribe-corpus' }>;

/** What differs between editing the feeds and editing the shared corpora. */
export interface SourceEditing {
  /** The site's permission, asked for in the submit itself (see askPermission); null when none is needed now. */
  permission(url: string): Promise<Permission> | null;
  /** What the note says when the permission was not granted. */
  refused(permission: Extract<Permission, { granted: false }>): string;
  add(url: string): SourceRequest;
  added(url: string, state: FollowingState): string;
  remove(source: Pick<FeedStatus, 'url'>): SourceRequest;
  removed(source: FeedStatus): string;
  /**
   * For an add that imports at once and may take minutes (a large shared corpus): what the
   * note says meanwhile, from the row as the background last reported it (null before the
   * first report). The add can then be cancelled, which removes the row: what it stored stays.
   */
  adding?(url: string, row: FeedStatus | null): string;
}

/** How often the progress of a long add is asked for. */
const PROGRESS_MS = 1_000;

/**
 * The form that adds a feed or a shared corpus by its address, and the button that removes
 * one: the address typed, whether a request is on its way, and the note on what happened,
 * which takes the focus after a removal (the removed row took it with it).
 */
export function useSourceEditing(ask: Ask, onState: (state: FollowingState) => void, how: SourceEditing) {
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);
  const noteRef = useRef<HTMLParagraphElement>(null);
  const [focusNote, setFocusNote] = useState(0);
  useEffect(() => {
    if (focusNote) noteRef.current?.focus();
  }, [focusNote]);

  // Stops the add in progress (a long import), when it can be stopped.
  const [cancel, setCancel] = useState<(() => void) | null>(null);

  const add = async (url: string, asked: Promise<Permission> | null) => {
    const permission = asked && (await asked);
    if (permission && !permission.granted) return setNote({ kind: 'error', text: how.refused(permission) });
    const progress = how.adding ? watchAdding(url, how.adding) : null;
    const r = await ask(how.add(url)).finally(() => progress?.stop());
    const removal = progress?.cancelled();
    if (removal) {
      const removed = await removal;
      const stay = removed.ok ? ' The articles it added stay in the corpus.' : ` It was not removed: ${removed.error}.`;
      setNote({ kind: removed.ok ? 'info' : 'error', text: `Cancelled ${url}.${stay}` });
      if (removed.ok) onState(removed.value);
      return;
    }
    if (!r.ok) return setNote({ kind: 'error', text: r.error });
    onState(r.value);
    setDraft('');
    setNote({ kind: 'info', text: how.added(url, r.value) });
  };

  /** Report a long add's progress in the note, and offer to cancel it, until stopped. */
  const watchAdding = (url: string, say: NonNullable<SourceEditing['adding']>) => {
    let removal: Promise<Result<FollowingState>> | null = null;
    let running = true;
    const show = (row: FeedStatus | null) => {
      if (running && !removal) setNote({ kind: 'info', text: say(url, row) });
    };
    show(null);
    const timer = setInterval(() => {
      void ask({ type: 'get-following' }).then((r) => {
        if (r.ok) show([...r.value.feeds, ...r.value.subscriptions].find((s) => s.url === url) ?? null);
      });
    }, PROGRESS_MS);
    setCancel(() => () => {
      setCancel(null);
      setNote({ kind: 'info', text: `Cancelling ${url}…` });
      removal = ask(how.remove({ url }));
    });
    return {
      stop: () => {
        running = false;
        clearInterval(timer);
        setCancel(null);
      },
      /** The removal a cancel asked for, if any. */
      cancelled: (): Promise<Result<FollowingState>> | null => removal,
    };
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const typed = webAddress(draft);
    if (!typed.ok) return setNote({ kind: 'error', text: typed.error });
    // Asked for before anything is awaited: a permission request needs the click's user gesture.
    const asked = how.permission(typed.url);
    setBusy(true);
    void add(typed.url, asked).finally(() => setBusy(false));
  };

  const remove = async (source: FeedStatus) => {
    setBusy(true);
    const r = await ask(how.remove(source));
    setBusy(false);
    setNote(r.ok ? { kind: 'info', text: how.removed(source) } : { kind: 'error', text: r.error });
    if (r.ok) onState(r.value);
    setFocusNote((n) => n + 1);
  };

  return { draft, setDraft, busy, note, noteRef, submit, remove, cancel };
}
