import { useState } from 'preact/hooks';
import type { Ask } from '../shared/ask';
import { pollSummary } from './follow-words';
import { NoteLine, type Note } from './Note';

/** "Check now": every feed that is due is fetched at once, and the report says what came of it. */
export function CheckNow({
  ask,
  following,
  onChecked,
}: {
  ask: Ask;
  following: boolean;
  onChecked(added: number): void;
}) {
  const [checking, setChecking] = useState(false);
  const [note, setNote] = useState<Note>(null);

  const check = async () => {
    if (checking || !following) return;
    setChecking(true);
    setNote({ kind: 'info', text: 'Checking the feeds…' });
    const r = await ask({ type: 'poll-now' });
    setChecking(false);
    if (!r.ok) return setNote({ kind: 'error', text: `The feeds could not be checked: ${r.error}` });
    setNote({ kind: 'info', text: pollSummary(r.value) });
    onChecked(r.value.added);
  };

  return (
    <div class="check-now">
      {/* aria-disabled rather than disabled, so the button keeps the keyboard focus while it works. */}
      <button
        type="button"
        aria-disabled={checking || !following}
        aria-describedby={following ? undefined : 'check-now-help'}
        onClick={() => void check()}
      >
        {checking ? 'Checking…' : 'Check now'}
      </button>
      {!following && (
        <span id="check-now-help" class="help">
          {' '}
          Turn following on first: while it is off, nothing is fetched.
        </span>
      )}
      <NoteLine note={note} />
    </div>
  );
}
