import { useEffect, useState } from 'preact/hooks';
import type { ContentCommand } from '../messages';
import type { Ask } from '../shared/ask';

/** What the popup needs of the active tab: its host and a way to tell its content script. */
export interface ActiveTab {
  /** The tab's id, for reading its article; null when there is no tab to read. */
  id: number | null;
  host: string | null;
  origin: string | null;
  send(command: ContentCommand): Promise<void>;
  /** The tab's address (http or https), so the background can tell whether its reading is still the tab's page. */
  url: string | null;
  /** Whether Crosswire may run on this site without being asked each time. */
  allowed(): Promise<boolean>;
  /** Ask the user for this site's permission (must run in the click's handler). */
  requestAccess(): Promise<boolean>;
}

/** "Highlight on this site": the per-site off switch, applied to the open page at once. */
export function SiteSwitch({ ask, tab, onHighlighted }: { ask: Ask; tab: ActiveTab; onHighlighted: () => void }) {
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
    if (tab.id === null) return setNote('No page to highlight.');
    setNote('Reading this page…');
    const r = await ask({ type: 'highlight-tab', tabId: tab.id });
    setNote(r.ok ? 'Highlighted.' : r.error);
    if (r.ok) onHighlighted();
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
