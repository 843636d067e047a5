import { useEffect, useState } from 'preact/hooks';
import type { ContentCommand } from '../messages';
import type { Ask } from './CorpusControls';

/** What the popup needs of the active tab: its host and a way to tell its content script. */
export interface ActiveTab {
  host: string | null;
  send(command: ContentCommand): Promise<void>;
}

/** "Highlight on this site": the per-site off switch, applied to the open page at once. */
export function SiteSwitch({ ask, tab }: { ask: Ask; tab: ActiveTab }) {
  const [disabled, setDisabled] = useState<string[] | null>(null);
  useEffect(() => {
    void ask({ type: 'get-settings' }).then((r) => r.ok && setDisabled(r.value.disabledSites));
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
  return (
    <label class="check">
      <input type="checkbox" checked={on} onChange={(e) => void toggle((e.currentTarget as HTMLInputElement).checked)} />
      Highlight on {host}
    </label>
  );
}
