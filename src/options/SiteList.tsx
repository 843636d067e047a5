import { useEffect, useState } from 'preact/hooks';
import type { Ask } from '../shared/ask';
import { NoteLine, type Note } from './Note';

/** The sites with highlighting switched off, and those "always on" was chosen for; each can be undone. */
export function SiteList({
  ask,
  forget = async () => undefined,
}: {
  ask: Ask;
  forget?: (origin: string) => Promise<unknown>;
}) {
  const [disabled, setDisabled] = useState<string[] | null>(null);
  const [origins, setOrigins] = useState<string[] | null>(null);
  const [note, setNote] = useState<Note>(null);

  const readOrigins = () =>
    void ask({ type: 'registered-sites' }).then((r) =>
      r.ok ? setOrigins(r.value.origins) : setNote({ kind: 'error', text: r.error }),
    );
  useEffect(() => {
    void ask({ type: 'get-settings' }).then((r) =>
      r.ok ? setDisabled(r.value.disabledSites) : setNote({ kind: 'error', text: r.error }),
    );
    readOrigins();
  }, []);

  const switchOn = async (host: string) => {
    const r = await ask({
      type: 'set-settings',
      settings: { disabledSites: (disabled ?? []).filter((h) => h !== host) },
    });
    if (!r.ok) return setNote({ kind: 'error', text: r.error });
    setDisabled(r.value.disabledSites);
    setNote({ kind: 'info', text: `Highlighting is back on for ${host}.` });
  };

  const stop = async (origin: string) => {
    const r = await ask({ type: 'always-on-site', origin, on: false });
    if (!r.ok) return setNote({ kind: 'error', text: r.error });
    // Give the site's permission back too: least privilege, and the popup offers to ask again.
    await forget(origin).catch(() => undefined);
    setNote({ kind: 'info', text: `Crosswire no longer runs on every page of ${origin}.` });
    readOrigins();
  };

  return (
    <section id="sites" aria-labelledby="sites-title">
      <h2 id="sites-title">Sites</h2>
      <h3>Switched off</h3>
      {disabled === null ? (
        <p>Reading the settings…</p>
      ) : disabled.length === 0 ? (
        <p>Crosswire runs on all its default news sites.</p>
      ) : (
        <ul class="sites">
          {disabled.map((host) => (
            <li key={host}>
              <span class="site">{host}</span>
              <button type="button" onClick={() => void switchOn(host)}>
                Switch back on<span class="visually-hidden"> for {host}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>Always on</h3>
      {origins === null ? (
        <p>Reading the sites…</p>
      ) : origins.length === 0 ? (
        <p>No other sites yet: use “Always run on this site” in the popup.</p>
      ) : (
        <ul class="sites">
          {origins.map((origin) => (
            <li key={origin}>
              <span class="site">{origin}</span>
              <button type="button" onClick={() => void stop(origin)}>
                Stop<span class="visually-hidden"> running on {origin}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <NoteLine note={note} />
    </section>
  );
}
