import { useState } from 'preact/hooks';
import type { FollowingState } from '../messages';
import type { Ask } from '../shared/ask';
import { plural } from './follow-words';
import { NoteLine, type Note } from './Note';
import { askPermission, notGranted, type Permission, type RequestOrigins } from './permission';

interface SwitchProps {
  ask: Ask;
  state: FollowingState;
  /** The match patterns of every feed and subscription, asked for when following is turned on. */
  origins: string[];
  requestOrigins: RequestOrigins;
  onState(state: FollowingState): void;
}

/**
 * The switch that starts and stops following the news. Turning it on asks for the feeds' sites
 * first, in the click itself (see askPermission); only once they are granted does the
 * background hear of it. Turning it off stops every fetch, and the background gives the
 * permissions back.
 */
export function FollowSwitch({ ask, state, origins, requestOrigins, onState }: SwitchProps) {
  // Where the switch is going while the browser or the background answers; null when it rests.
  const [moving, setMoving] = useState<boolean | null>(null);
  const [note, setNote] = useState<Note>(null);

  const switchOn = async (asked: Promise<Permission>) => {
    setNote({ kind: 'info', text: 'Asking for permission to fetch from the feeds’ sites…' });
    const permission = await asked;
    if (!permission.granted)
      return setNote({
        kind: permission.error === null ? 'info' : 'error',
        text: `Following stays off: ${notGranted(permission, 'the feeds’ sites')}.`,
      });
    const r = await ask({ type: 'set-following', on: true });
    if (!r.ok) return setNote({ kind: 'error', text: `Following stays off: ${r.error}` });
    onState(r.value);
    const { feeds, settings } = r.value;
    setNote({
      kind: 'info',
      text: `Following the news: ${plural(feeds.length, 'feed')} checked every ${plural(settings.intervalMinutes, 'minute')}.`,
    });
  };

  const switchOff = async () => {
    const r = await ask({ type: 'set-following', on: false });
    if (!r.ok) return setNote({ kind: 'error', text: `Following stays on: ${r.error}` });
    onState(r.value);
    setNote({
      kind: 'info',
      text: 'Following is off: nothing is fetched, and the sites’ permissions were given back.',
    });
  };

  const toggle = (box: HTMLInputElement) => {
    if (moving !== null) {
      box.checked = moving; // one change at a time
      return;
    }
    // Called before anything is awaited, so the browser still counts this as the reader's gesture.
    const asked = box.checked ? askPermission(requestOrigins, origins) : null;
    setMoving(box.checked);
    // When it fails, the switch falls back to the stored setting.
    void (asked ? switchOn(asked) : switchOff()).finally(() => setMoving(null));
  };

  return (
    <div class="follow-switch">
      <label class="check">
        <input
          type="checkbox"
          id="follow-on"
          checked={moving ?? state.settings.on}
          aria-describedby="follow-help"
          aria-busy={moving !== null}
          onChange={(e) => toggle(e.currentTarget as HTMLInputElement)}
        />
        Follow the news from the feeds below
      </label>
      <p id="follow-help" class="help">
        Off by default. When on, Crosswire fetches the feeds listed below from each outlet’s own site, without cookies,
        and adds each new headline and summary to the corpus in this browser. Nothing says what you read.
      </p>
      <NoteLine note={note} />
    </div>
  );
}
