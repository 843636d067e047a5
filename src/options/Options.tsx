import { useState } from 'preact/hooks';
import { CorpusList } from './CorpusList';
import { CorpusTransfer } from './CorpusTransfer';
import { downloadText, type Download } from '../shared/download';
import { RememberSetting } from './RememberSetting';
import { SiteList } from './SiteList';
import { NotesTransfer } from './NotesTransfer';
import { Following } from './Following';
import type { Ask } from '../shared/ask';
import type { RequestOrigins } from './permission';

/** Without the extension API (tests of other sections), no permission is ever granted. */
const refuse: RequestOrigins = async () => false;

/**
 * The options page: the corpus (list, search, import, export), following the outlets' news, the
 * notes (export, import, backup), the sites, and remembering articles.
 */
export function Options({
  ask,
  download = downloadText,
  forget,
  requestOrigins = refuse,
}: {
  ask: Ask;
  download?: Download;
  forget?: (origin: string) => Promise<unknown>;
  /** permissions.request for the feeds' sites, called in the reader's click. */
  requestOrigins?: RequestOrigins;
}) {
  // Bumped whenever the corpus changes, so the list and the counts are read again.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  return (
    <main>
      <h1>Crosswire options</h1>
      <nav aria-label="Sections">
        <ul class="sections">
          <li>
            <a href="#corpus">Corpus</a>
          </li>
          <li>
            <a href="#following">Follow the news</a>
          </li>
          <li>
            <a href="#notes">Notes</a>
          </li>
          <li>
            <a href="#sites">Sites</a>
          </li>
          <li>
            <a href="#remember">Remember articles</a>
          </li>
        </ul>
      </nav>
      <section id="corpus" aria-labelledby="corpus-title">
        <h2 id="corpus-title">Corpus</h2>
        <p>The articles Crosswire compares the news you read with. They are stored in this browser.</p>
        <CorpusTransfer ask={ask} download={download} version={version} onImported={changed} />
        <CorpusList ask={ask} version={version} onChange={changed} />
      </section>
      <Following ask={ask} download={download} requestOrigins={requestOrigins} onCorpusChanged={changed} />
      <NotesTransfer ask={ask} download={download} onImported={changed} />
      <SiteList ask={ask} {...(forget && { forget })} />
      <RememberSetting ask={ask} />
    </main>
  );
}
