import { useEffect, useState } from 'preact/hooks';
import type { Reply } from '../messages';
import { CorpusControls, type Ask } from './CorpusControls';
import { SiteSwitch, type ActiveTab } from './SiteSwitch';
import { Legend } from './Legend';

export interface PopupProps {
  /** Asks the background for its version; resolves with its checked reply. */
  ping: () => Promise<Reply<'ping'>>;
  ask: Ask;
  tab: ActiveTab;
}

type Status = { state: 'connecting' } | Reply<'ping'>;

function statusText(status: Status): string {
  if ('state' in status) return 'Connecting to the background…';
  if (status.ok) return `Crosswire ${status.value.version} — background connected`;
  return `Background not reachable: ${status.error}`;
}

/** The toolbar popup. For now it shows whether the background answers. */
export function Popup({ ping, ask, tab }: PopupProps) {
  const [status, setStatus] = useState<Status>({ state: 'connecting' });

  useEffect(() => {
    let open = true;
    void ping().then((reply) => {
      if (open) setStatus(reply);
    });
    return () => {
      open = false;
    };
  }, [ping]);

  const failed = !('state' in status) && !status.ok;
  return (
    <main aria-labelledby="popup-title">
      <h1 id="popup-title">
        <img src="icons/icon-32.png" alt="" width={20} height={20} />
        Crosswire
      </h1>
      {/* A live region, so screen readers announce the result when the ping returns. */}
      <p role="status" class={failed ? 'status status-error' : 'status'}>
        {statusText(status)}
      </p>
      <SiteSwitch ask={ask} tab={tab} />
      <CorpusControls ask={ask} />
      <Legend />
    </main>
  );
}
