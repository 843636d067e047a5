import { useEffect, useRef, useState } from 'preact/hooks';
import type { FeedStatus, FollowingState, Request } from '../messages';
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
  remove(source: FeedStatus): SourceRequest;
  removed(source: FeedStatus): string;
}

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

  const add = async (url: string, asked: Promise<Permission> | null) => {
    const permission = asked && (await asked);
    if (permission && !permission.granted) return setNote({ kind: 'error', text: how.refused(permission) });
    const r = await ask(how.add(url));
    if (!r.ok) return setNote({ kind: 'error', text: r.error });
    onState(r.value);
    setDraft('');
    setNote({ kind: 'info', text: how.added(url, r.value) });
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

  return { draft, setDraft, busy, note, noteRef, submit, remove };
}
