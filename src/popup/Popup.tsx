import { useEffect, useState } from 'preact/hooks';
import { outletProfile } from '../core/corpus/outlets';
import type { Reply, Result } from '../messages';
import type { WordDiff } from '../core/match';
import type { Ask } from '../shared/ask';
import { CorpusControls } from './CorpusControls';
import { Legend } from './Legend';
import { readPage, type PageFacts } from './page-state';
import { SiteSwitch, type ActiveTab } from './SiteSwitch';
import { Tabs } from './Tabs';
import { useAnswer } from './use-answer';
import { pageActors, pageFigures, pageQuotes } from '../core/match/page-lists';
import { ActorsView } from './views/ActorsView';
import { Answered, dateText, type Reveal } from './views/common';
import { CompareView } from './views/CompareView';
import { FiguresView } from './views/FiguresView';
import { GapsView } from './views/GapsView';
import { QuotesView } from './views/QuotesView';
import { StoryView } from './views/StoryView';
import { NotesView } from './views/NotesView';
import type { Download } from '../shared/download';

export interface PopupProps {
  /** Asks the background for its version; resolves with its checked reply. */
  ping: () => Promise<Reply<'ping'>>;
  ask: Ask;
  tab: ActiveTab;
  /** Opens the options page. */
  openOptions: () => void;
  /** Saves an export file. */
  download: Download;
}

const outletName = (id: string) => outletProfile(id)?.name ?? id;

/** The toolbar popup: the page's story as the other outlets in the corpus told it. */
export function Popup({ ping, ask, tab, openOptions, download }: PopupProps) {
  const status = useAnswer(ping, []);
  // Read again when the reader has the page highlighted (or added): the popup shows the background's reading.
  const [readings, setReadings] = useState(0);
  const facts = useAnswer(() => readPage(ask, tab.id, tab.url ?? undefined), [tab.id, readings]);
  const reread = () => setReadings((n) => n + 1);
  const tabId = tab.id;
  const reveal: Reveal | undefined =
    tabId === null
      ? undefined
      : async (kind, id) => {
          const r = await ask({ type: 'reveal-in-tab', tabId, kind, id });
          return r.ok && r.value.shown;
        };
  // For `npm run bench`: the page has been read (the story is asked for next).
  useEffect(() => void (facts.state !== 'loading' && performance.mark('crosswire:page-read')), [facts.state]);
  return (
    <main aria-labelledby="popup-title">
      <header class="top">
        <h1 id="popup-title">
          <img src="icons/icon-32.png" alt="" width={20} height={20} />
          Crosswire
        </h1>
        <button type="button" class="link" onClick={openOptions}>
          Options
        </button>
      </header>
      <Answered answer={facts} loading="Reading this page…">
        {(f) => <Story facts={f} ask={ask} download={download} {...(reveal && { reveal })} />}
      </Answered>
      <section class="actions" aria-label="This page">
        <SiteSwitch ask={ask} tab={tab} onHighlighted={reread} />
        <CorpusControls ask={ask} page={facts.state === 'ok' ? facts.value : null} onAdded={reread} />
      </section>
      <footer>
        <details>
          <summary>What the colours mean</summary>
          <Legend />
        </details>
        <p class={status.state === 'error' ? 'status status-error' : 'status'} role="status">
          {status.state === 'loading'
            ? 'Connecting to the background…'
            : status.state === 'ok'
              ? `Crosswire ${status.value.version} — background connected`
              : `Background not reachable: ${status.error}`}
        </p>
      </footer>
    </main>
  );
}

function Story({ facts, ask, download, reveal }: { facts: PageFacts; ask: Ask; download: Download; reveal?: Reveal }) {
  const [view, setView] = useState('story');
  // Asked again when an entry is fetched in full: its figures and quotes now count.
  const [upgrades, setUpgrades] = useState(0);
  const story = useAnswer(() => ask({ type: 'story-match', articleId: facts.articleId }), [facts.articleId, upgrades]);
  const fetchFullText = async (articleId: string) => {
    const r = await ask({ type: 'fetch-full-text', articleId });
    if (r.ok) setUpgrades((n) => n + 1);
    return r;
  };
  // A syndicated copy's edits: the background's word diff from this page's text (kept reading or stored) to the copy's.
  const edits = (articleId: string): Promise<Result<WordDiff[]>> =>
    ask({ type: 'syndication-diff', articleId: facts.articleId, otherArticleId: articleId });
  const versions = story.state === 'ok' ? story.value.filter((v) => v.label !== 'unrelated') : [];
  // For `npm run bench`: when the reader first sees the other versions (or that there are none).
  useEffect(() => void (story.state !== 'loading' && performance.mark('crosswire:story-shown')), [story.state]);
  const actors = pageActors(facts.annotations);
  const figures = pageFigures(facts.annotations);
  const quotes = pageQuotes(facts.annotations);
  const exclude = { excludeArticleId: facts.articleId };
  const count = (n: number) => ` (${n})`;
  const tabs = [
    { id: 'story', label: `Story${story.state === 'ok' ? count(versions.length) : ''}` },
    { id: 'actors', label: `Actors${count(actors.length)}` },
    { id: 'figures', label: `Figures${count(figures.length)}` },
    { id: 'quotes', label: `Quotes${count(quotes.length)}` },
    { id: 'gaps', label: 'Left out' },
    { id: 'compare', label: 'Compare' },
    { id: 'notes', label: 'Notes' },
  ];
  return (
    <section aria-labelledby="page-title">
      <p class="page-line">
        <span class="muted">This page:</span> <strong>{facts.outlet.name}</strong>{' '}
        <span class="muted">{dateText(facts.published)}</span>
      </p>
      <h2 id="page-title" class="page-title">
        {facts.headline ?? '(no headline)'}
      </h2>
      <Tabs tabs={tabs} selected={view} onSelect={setView}>
        {view === 'story' && (
          <StoryView story={story} outletName={outletName} fetchFullText={fetchFullText} edits={edits} />
        )}
        {view === 'actors' && (
          <ActorsView
            actors={actors}
            mentionsOf={(actorId) => ask({ type: 'mentions-of', actorId, ...exclude })}
            {...(reveal && { reveal })}
          />
        )}
        {view === 'figures' && (
          <FiguresView
            figures={figures}
            published={facts.published}
            figuresLike={(figure) => ask({ type: 'figures-like', figure, ...exclude })}
            outletName={outletName}
            {...(reveal && { reveal })}
          />
        )}
        {view === 'quotes' && (
          <Answered answer={story} loading="Looking for other versions of this story…">
            {() => (
              <QuotesView
                quotes={quotes}
                versions={versions}
                outletName={outletName}
                quotesLike={(text) => ask({ type: 'quotes-like', text, ...exclude })}
                {...(reveal && { reveal })}
              />
            )}
          </Answered>
        )}
        {view === 'gaps' && (
          <GapsView
            articleId={facts.articleId}
            fetched={upgrades}
            coverageGaps={() => ask({ type: 'coverage-gaps', articleId: facts.articleId })}
            actors={actors}
            outletName={outletName}
          />
        )}
        {view === 'compare' && (
          <Answered answer={story} loading="Looking for other versions of this story…">
            {() => (
              <CompareView
                facts={facts}
                versions={versions}
                outletName={outletName}
                articleText={(articleId) => ask({ type: 'article-text', articleId })}
              />
            )}
          </Answered>
        )}
        {view === 'notes' && <NotesView facts={facts} ask={ask} download={download} />}
      </Tabs>
    </section>
  );
}
