import { useState } from 'preact/hooks';
import type { Download } from '../shared/download';
import type { FollowingState } from '../messages';
import type { Ask } from '../shared/ask';
import { opmlSummary, plural } from './follow-words';
import { FileChooser } from './FileChooser';
import { NoteLine, type Note } from './Note';
import { askPermission, notGranted, type RequestOrigins } from './permission';

interface OpmlProps {
  ask: Ask;
  download: Download;
  following: boolean;
  /** How many feeds are followed (what an export holds). */
  feeds: number;
  /** Every feed's site: asked for again after an import while following is on. */
  origins: string[];
  requestOrigins: RequestOrigins;
  /** Reads the state again (an import answers with counts, not the new list). */
  reload(): Promise<FollowingState | null>;
}

/**
 * The feed list to and from OPML, the format feed readers exchange. An imported list's sites
 * cannot be asked for when the file is chosen (that is no longer the reader's click), so while
 * following is on a button asks for them.
 */
export function OpmlTransfer({ ask, download, following, feeds, origins, requestOrigins, reload }: OpmlProps) {
  const [importNote, setImportNote] = useState<Note>(null);
  const [exportNote, setExportNote] = useState<Note>(null);
  const [askSites, setAskSites] = useState(false);

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setImportNote({ kind: 'info', text: `Reading ${file.name}…` });
    const r = await ask({ type: 'import-opml', data: await file.text() });
    input.value = ''; // so the same file, once fixed, can be chosen again
    if (!r.ok) return setImportNote({ kind: 'error', text: `No feeds were added from ${file.name}: ${r.error}` });
    setImportNote({ kind: 'info', text: opmlSummary(r.value) });
    setAskSites(following && r.value.added > 0);
    if (r.value.added) await reload();
  };

  const allowSites = () => {
    const asked = askPermission(requestOrigins, origins); // in the click (see askPermission)
    void asked.then((p) => {
      setAskSites(!p.granted);
      setImportNote(
        p.granted
          ? { kind: 'info', text: 'The new feeds will be fetched at the next check.' }
          : { kind: 'error', text: `The new feeds cannot be fetched: ${notGranted(p, 'their sites')}.` },
      );
    });
  };

  const exportFeeds = async () => {
    const r = await ask({ type: 'export-opml' });
    if (!r.ok) return setExportNote({ kind: 'error', text: r.error });
    download(r.value.filename, r.value.data, 'text/x-opml');
    setExportNote({ kind: 'info', text: `Saved ${r.value.filename} (${plural(feeds, 'feed')}).` });
  };

  return (
    <div class="transfer">
      <div class="panel">
        <FileChooser
          label="Import feeds from an OPML file"
          accept=".opml,.xml,text/x-opml,application/xml,text/xml"
          helpId="opml-help"
          help="The list a feed reader exports. Feeds already followed are skipped."
          onChoose={(input) => void importFile(input)}
        />
        {askSites && (
          <button type="button" onClick={allowSites}>
            Allow fetching from the new feeds’ sites
          </button>
        )}
        <NoteLine note={importNote} />
      </div>
      <div class="panel">
        <p>Save the feed list for a feed reader, or another browser.</p>
        <button type="button" onClick={() => void exportFeeds()}>
          Export feeds (OPML)
        </button>
        <NoteLine note={exportNote} />
      </div>
    </div>
  );
}
