import { useEffect, useState } from 'preact/hooks';
import type { Ask } from '../shared/ask';
import { NoteLine, type Note } from './Note';

/** The opt-in to add every article read on an enabled site to the corpus. */
export function RememberSetting({ ask }: { ask: Ask }) {
  const [remember, setRemember] = useState<boolean | null>(null);
  const [note, setNote] = useState<Note>(null);
  useEffect(() => {
    void ask({ type: 'get-settings' }).then((r) =>
      r.ok ? setRemember(r.value.rememberArticles) : setNote({ kind: 'error', text: r.error }),
    );
  }, []);

  const toggle = async (box: HTMLInputElement) => {
    const r = await ask({ type: 'set-settings', settings: { rememberArticles: box.checked } });
    if (!r.ok) {
      box.checked = remember === true; // the setting did not change, so neither does the box
      return setNote({ kind: 'error', text: r.error });
    }
    setRemember(r.value.rememberArticles);
    setNote({
      kind: 'info',
      text: r.value.rememberArticles
        ? 'Articles you read will be remembered.'
        : 'Articles you read will no longer be remembered.',
    });
  };

  return (
    <section id="remember" aria-labelledby="remember-title">
      <h2 id="remember-title">Remember articles</h2>
      <label class="check">
        <input
          type="checkbox"
          checked={remember === true}
          disabled={remember === null}
          aria-describedby="remember-help"
          onChange={(e) => void toggle(e.currentTarget as HTMLInputElement)}
        />
        Remember every article I read on enabled sites
      </label>
      <p id="remember-help" class="help">
        Each article’s text is then stored in this browser only, so that later articles can be compared with it: nothing
        is sent anywhere, and you can remove any article from the corpus above.
      </p>
      <NoteLine note={note} />
    </section>
  );
}
