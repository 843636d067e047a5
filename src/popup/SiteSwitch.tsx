import { useEffect, useState } from 'preact/hooks';
import type { ContentCommand } from '../messages';
import type { Ask } from './CorpusControls';

/** What the popup needs of the active tab: its host and a way to tell its content script. */
export interface ActiveTab {
  /** The tab's id, for reading its article; null when there is no tab to read. */
  id: number | null;
  host: string | null;
  origin: string | null;
  send(command: ContentCommand): Promise<void>;
  /** Ask the tab's content script for its reading of the page (rejects when there is none). */
  pageReport(): Promise<unknown>;
  /** Whether Crosswire may run on this site without being asked each time. */
  allowed(): Promise<boolean>;
  /** Ask the user for this site's permission (must run in the click's handler). */
  requestAccess(): Promise<boolean>;
}

/** "Highlight on this site": the per-site off switch, applied to the open page at once. */
export function SiteSwitch({ ask, tab }: { ask: Ask; tab: ActiveTab }) {
  const [disabled, setDisabled] = useState<string[] | null>(null);
  const [allowed, setAllowed] = useState<boolean | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    void ask({ type: 'get-settings' }).then((r) => r.ok && setDisabled(r.value.disabledSites));
    void tab.allowed().then(setAllowed);
  }, []);
  if (!tab.host || disabled === null) return null;
  const host = tab.host;
  const on = !disabled.includes(host);
  const toggle = async (next: boolean) => {
    const sites = next ? disabled.filter((h) => h !== host) : [...disabled, host];
    const r = await ask({ type: 'set-settings', settings: { disabledSites: sites } });
    if (!r.ok) return;
    setDisabled(r.value.disabledSites);
    await tab.send({ type: 'crosswire-highlights', on: next }).catch(() => undefined); // no content script there: nothing to update
  };
  const highlightNow = async () => {
    const r = await ask(tab.id === null ? { type: 'highlight-active-tab' } : { type: 'highlight-tab', tabId: tab.id });
    setNote(r.ok ? 'Highlighting this page.' : r.error);
  };
  const always = async () => {
    // The permission prompt must come from this click; then the background registers the script.
    if (!(await tab.requestAccess())) return setNote(`No permission for ${host}.`);
    const r = await ask({ type: 'always-on-site', origin: tab.origin!, on: true });
    setAllowed(r.ok);
    setNote(r.ok ? `Crosswire will run on every page of ${host}.` : r.error);
  };
  return (
    <section aria-label="This site">
      <button type="button" onClick={() => void highlightNow()}>
        Highlight this page
      </button>
      {allowed === false && (
        <button type="button" onClick={() => void always()}>
          Always run on {host}
        </button>
      )}
      {allowed && (
        <label class="check">
          <input
            type="checkbox"
            checked={on}
            onChange={(e) => void toggle((e.currentTarget as HTMLInputElement).checked)}
          />
          Highlight on {host}
        </label>
      )}
      {note && (
        <p role="status" class="note">
          {note}
        </p>
      )}
    </section>
  );
}
