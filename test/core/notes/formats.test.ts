import { describe, expect, it } from 'vitest';
import { annotate } from '../../../src/core/annotate';
import { articleId, fnv1a64 } from '../../../src/core/corpus/content-hash';
import { canonicalUrl } from '../../../src/core/corpus/canonical-url';
import { type BackupData, backupHeader, withArticleCount } from '../../../src/core/notes/backup';
import { notesToCsv } from '../../../src/core/notes/csv';
import { parseAnnotationFile } from '../../../src/core/notes/import-notes';
import { articleReport, type ArticleReportInput } from '../../../src/core/notes/report';
import type { Note } from '../../../src/core/notes/types';
import { notesToWebAnnotation } from '../../../src/core/notes/web-annotation';
import { CONTEXT } from '../../../src/core/export/crosswire-context';

const now = new Date('2026-01-02T03:04:05Z');
const URL_A = 'https://www.cbc.ca/news/world/syria-un-1.1?ref=rss';
const TEXT =
  'UN talks stalled on Monday. 😀 The UN says over 7,500 people have been killed since March, Sergey Lavrov said.';
const HOSTILE = '<img src=x onerror=alert(1)>';

/** A note on `exact` in `text`, as the app would make it. */
function noteOn(text: string, exact: string, over: Partial<Note> = {}): Note {
  const start = text.indexOf(exact);
  const end = start + exact.length;
  const canonical = canonicalUrl(URL_A);
  const note: Note = {
    id: `n-${fnv1a64(exact)}`,
    articleId: articleId(canonical, ''),
    canonicalUrl: canonical,
    url: URL_A,
    title: 'U.S., Russia split over Syrian killings',
    target: {
      exact,
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(end, end + 32),
      start,
      end,
    },
    quoteHash: fnv1a64(exact),
    textHash: fnv1a64(text),
    highlight: null,
    note: '',
    tags: [],
    stance: null,
    motivation: 'highlighting',
    created: '2026-01-01T10:00:00.000Z',
    modified: '2026-01-01T11:30:00.000Z',
    ...over,
  };
  return { ...note, motivation: note.note.trim() ? 'commenting' : note.tags.length ? 'tagging' : 'highlighting' };
}

const notes: Note[] = [
  noteOn(TEXT, 'over 7,500 people', {
    note: 'Check the toll against the UN figure.',
    tags: ['toll', 'un'],
    stance: 'follow-up',
    highlight: { kind: 'figure', id: 'f-3' },
  }),
  noteOn(TEXT, 'Sergey Lavrov', { tags: ['russia'], highlight: { kind: 'actor', id: 'sergey-lavrov' } }),
  noteOn(TEXT, 'UN talks stalled', { stance: 'verified' }),
  noteOn(TEXT, 'since March', {
    note: `${HOSTILE}\nsecond line, "quoted", \u0007bell`,
    tags: [HOSTILE],
    stance: 'disputed',
  }),
];

const ok = (data: string) => {
  const r = parseAnnotationFile(data);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const error = (data: string) => {
  const r = parseAnnotationFile(data);
  if (r.ok) throw new Error('expected the file to be rejected');
  return r.error;
};

describe('notes as W3C Web Annotations', () => {
  const doc = notesToWebAnnotation(notes, { now, texts: { [notes[0]!.articleId]: TEXT } }) as any;

  it('is an AnnotationCollection of notes with the derived motivation, bodies and both selectors', () => {
    expect(doc['@context']).toEqual(CONTEXT);
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(4);
    expect(doc.items.map((i: any) => i.motivation)).toEqual(['commenting', 'tagging', 'highlighting', 'commenting']);
    const first = doc.items[0];
    expect(first.id).toBe(`urn:crosswire:note:${notes[0]!.id}`);
    expect(first.created).toBe(notes[0]!.created);
    expect(first.modified).toBe(notes[0]!.modified);
    expect(first.body).toContainEqual(
      expect.objectContaining({
        type: 'TextualBody',
        value: 'Check the toll against the UN figure.',
        purpose: 'commenting',
      }),
    );
    expect(first.body.filter((b: any) => b.purpose === 'tagging').map((b: any) => b.value)).toEqual(['toll', 'un']);
    expect(first.body).toContainEqual(
      expect.objectContaining({
        'crosswire:stance': 'follow-up',
        'crosswire:highlightKind': 'figure',
        'crosswire:highlightId': 'f-3',
        'crosswire:articleId': notes[0]!.articleId,
        'crosswire:quoteHash': notes[0]!.quoteHash,
      }),
    );
    expect(first.target.source).toBe('https://cbc.ca/news/world/syria-un-1.1');
    expect(first.target.selector[0]).toEqual({
      type: 'TextQuoteSelector',
      exact: 'over 7,500 people',
      prefix: notes[0]!.target.prefix,
      suffix: notes[0]!.target.suffix,
    });
    // A highlight-only note has no TextualBody.
    expect(doc.items[2].body.every((b: any) => b.type !== 'TextualBody')).toBe(true);
  });

  it('counts the emoji before a note as one code point when the text is given', () => {
    const n = notes[0]!;
    const position = doc.items[0].target.selector[1];
    expect(position).toEqual({ type: 'TextPositionSelector', start: n.target.start - 1, end: n.target.end - 1 });
    expect(Array.from(TEXT).slice(position.start, position.end).join('')).toBe(n.target.exact);
    // Before the emoji, nothing shifts.
    expect(doc.items[2].target.selector[1]).toMatchObject({ start: 0, end: 16 });
  });

  it('without the text: exact from a prefix that reaches the start, as given when no astral characters show, else marked UTF-16', () => {
    const bare = notesToWebAnnotation(notes, { now }) as any;
    expect(bare.items[2].target.selector[1]).toEqual({ type: 'TextPositionSelector', start: 0, end: 16 });
    const short = 'A 😀 b: quote';
    const atStart = noteOn(short, 'quote');
    expect((notesToWebAnnotation([atStart], { now }) as any).items[0].target.selector[1]).toEqual({
      type: 'TextPositionSelector',
      start: 7,
      end: 12,
    });
    // The emoji is in the prefix and the prefix does not reach the start: UTF-16, marked.
    const n = notes[0]!;
    expect(n.target.prefix).toContain('😀');
    expect(bare.items[0].target.selector[1]).toEqual({
      type: 'TextPositionSelector',
      start: n.target.start,
      end: n.target.end,
      'crosswire:positionUnit': 'utf-16',
    });
  });

  it('adds the engine’s detections with their cross-outlet matches', () => {
    const anns = annotate(TEXT);
    const figure = anns.find((a) => a.kind === 'figure')!;
    const actor = anns.find((a) => a.kind === 'actor')!;
    const voa = { outlet: 'voanews.com', articleId: 'a-000000000002' };
    const withDetections = notesToWebAnnotation(notes, {
      now,
      detections: [
        {
          source: 'https://cbc.ca/a',
          text: TEXT,
          annotations: anns,
          matches: {
            [figure.id]: {
              verdict: 'agree',
              explanation: 'VOA agrees.',
              values: [{ ...voa, text: '7,500', agrees: true }],
            },
            [actor.id]: [{ ...voa, url: null, sentence: 'Lavrov spoke.' }],
          },
        },
      ],
    }) as any;
    expect(withDetections.total).toBe(notes.length + anns.length);
    const detections = withDetections.items.filter((i: any) => i.motivation === 'identifying');
    expect(detections).toHaveLength(anns.length);
    // Every detection's matches are a list of articles; a figure's verdict sits beside them.
    expect(detections.find((i: any) => i.body['crosswire:kind'] === 'figure').body).toMatchObject({
      'crosswire:verdict': 'agree',
      'crosswire:explanation': 'VOA agrees.',
      'crosswire:matches': [{ ...voa, text: '7,500', agrees: true }],
    });
    expect(detections.find((i: any) => i.id.endsWith(`:${actor.id}`)).body['crosswire:matches']).toEqual([
      { ...voa, url: null, sentence: 'Lavrov spoke.' },
    ]);
    expect(() =>
      notesToWebAnnotation([], {
        now,
        detections: [{ source: 'x', text: TEXT, annotations: anns, matches: { [figure.id]: { outlets: [] } } }],
      }),
    ).toThrow(`matches of ${figure.id}: neither a list nor a figure's`);
    expect(detections.some((i: any) => i.body['crosswire:id'] === 'sergey-lavrov')).toBe(true);
    // The detections are left out on import: only the notes come back.
    expect(ok(JSON.stringify(withDetections)).notes).toEqual(notes);
  });

  it('round trips: notes → JSON-LD → parse gives the same notes, twice the same ids', () => {
    const file = JSON.stringify(doc, null, 1);
    const back = ok(file);
    expect(back.kind).toBe('crosswire');
    expect(back.notes).toEqual(notes);
    expect(back.skipped).toEqual([]);
    expect(ok(file).notes.map((n) => n.id)).toEqual(notes.map((n) => n.id));
    expect(ok(JSON.stringify(notesToWebAnnotation(notes, { now }))).notes).toEqual(notes);
  });
});

describe('notes as CSV', () => {
  const csv = notesToCsv(notes);

  it('has a header and one CRLF row per note, RFC 4180 quoted', () => {
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'id,created,modified,url,canonical url,title,quote,note,tags,stance,highlight kind,highlight id,start,end',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(lines[1]).toBe(
      `${notes[0]!.id},2026-01-01T10:00:00.000Z,2026-01-01T11:30:00.000Z,${URL_A},https://cbc.ca/news/world/syria-un-1.1,"U.S., Russia split over Syrian killings","over 7,500 people",Check the toll against the UN figure.,toll; un,follow-up,figure,f-3,${notes[0]!.target.start},${notes[0]!.target.end}`,
    );
    // Quotes doubled, the line break kept inside the quoted field.
    expect(csv).toContain(`"${HOSTILE}\nsecond line, ""quoted"", \u0007bell"`);
  });

  it('defuses formulas, also after leading spaces, tabs and carriage returns', () => {
    const cells = [
      '=HYPERLINK("http://evil.example","click")',
      '+1',
      '-2',
      '@SUM(A1:A2)',
      '\t=1',
      '   =1+1',
      '\r=1',
      'plain -1',
    ];
    const out = notesToCsv(cells.map((note, i) => noteOn(TEXT, 'Monday', { id: `n-${i}`, note })));
    const rows = out.split('\r\n').slice(1, -1);
    // The note cell follows the quote ("Monday") and precedes the empty tags cell.
    const expected = [
      `"'=HYPERLINK(""http://evil.example"",""click"")"`,
      "'+1",
      "'-2",
      "'@SUM(A1:A2)",
      "'\t=1",
      "'   =1+1",
    ];
    expected.forEach((cell, i) => expect(rows[i]).toContain(`,Monday,${cell},,`));
    expect(out).toContain(`,Monday,"'\r=1",,`);
    expect(out).toContain(',Monday,plain -1,,');
    // Tags and titles are defused too.
    expect(notesToCsv([noteOn(TEXT, 'Monday', { title: '-cmd', tags: ['=1'] })])).toContain(",'-cmd,");
  });
});

describe('the article report in Markdown', () => {
  const input: ArticleReportInput = {
    title: 'Syria *breaking* _news_ [link](javascript:alert(1)) <script>alert(1)</script>',
    url: 'https://www.cbc.ca/news/world/syria-un-1.1',
    outlet: 'cbc.ca',
    published: '2012-03-12',
    actors: [
      {
        label: 'Sergey Lavrov',
        type: 'person',
        mentions: 2,
        outlets: [
          { outlet: 'voanews.com', sentence: 'Lavrov | said *no*', url: 'https://www.voanews.com/a/x' },
          { outlet: 'evil', sentence: 's', url: 'javascript:alert(1)' },
        ],
      },
    ],
    figures: [
      {
        text: 'over 7,500 | people',
        quantity: '7,500 deaths',
        attribution: 'the UN',
        others: [{ outlet: 'voanews.com', published: '2012-03-10', text: '8,000 people', agrees: false }],
        explanation: 'Counts two days apart.',
      },
    ],
    quotes: [
      {
        text: 'a tragedy',
        speaker: 'Sergey Lavrov',
        others: [
          { outlet: 'voanews.com', kind: 'verbatim' },
          { outlet: 'bbc.co.uk', kind: 'absent' },
        ],
      },
    ],
    notes: [notes[0]!, notes[3]!],
    orphans: [noteOn(TEXT, 'Monday', { note: '# not a heading\n---\n1. not a list' })],
  };
  const md = articleReport(input, now);

  it('has the title as a linked H1, the outlet line and every section', () => {
    expect(
      md.startsWith(
        '# [Syria \\*breaking\\* \\_news\\_ \\[link\\](javascript:alert(1)) \\<script\\>alert(1)\\</script\\>](<https://www.cbc.ca/news/world/syria-un-1.1>)\n',
      ),
    ).toBe(true);
    expect(md).toContain('cbc.ca · published 2012-03-12 · report made 2026-01-02 03:04 UTC');
    for (const h of ['## Actors', '## Figures', '## Quotes', '## Notes', '## Notes that could not be placed'])
      expect(md).toContain(`\n${h}\n`);
    expect(md).toContain('| Quantity | This article | Other outlets |');
    expect(md).toContain(
      '| 7,500 deaths | “over 7,500 \\| people”, according to the UN | voanews.com (2012-03-10): “8,000 people”, differs |',
    );
    expect(md).toContain('verbatim in voanews.com; absent from bbc.co.uk');
    expect(md).toContain('Tags: toll, un · Stance: to follow up');
  });

  it('escapes hostile page and note text so it stays text', () => {
    expect(md).not.toMatch(/(?<!\\)<(?:script|img)/);
    expect(md).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(md).toContain('Lavrov \\| said \\*no\\*');
    // Links only to web pages.
    expect(md).toContain('[voanews.com](<https://www.voanews.com/a/x>)');
    expect(md).not.toMatch(/(?<!\\)\]\(<?javascript/);
    // Lines of a note cannot start a heading, a rule or a list.
    expect(md).toContain('\n\\# not a heading  \n\\---  \n1\\. not a list\n');
  });

  it('says so when there is nothing to report and leaves out the orphan section', () => {
    const empty = articleReport(
      { ...input, title: null, actors: [], figures: [], quotes: [], notes: [], orphans: [] },
      now,
    );
    expect(empty).toContain('## Actors\n\nNone found.');
    expect(empty).toContain('## Notes\n\nNo notes.');
    expect(empty).not.toContain('could not be placed');
  });
});

/** A version 1 backup, as Crosswire wrote them until December 2026: one JSON object, its articles in it. */
const backupV1 = (data: BackupData) =>
  JSON.stringify({
    format: 'crosswire-backup',
    version: 1,
    exported: now.toISOString(),
    articles: data.articles,
    notes: data.notes,
    settings: data.settings,
  });

describe('backups', () => {
  const data = {
    articles: [
      {
        text: 'Sergey Lavrov met Hillary Clinton at the UN on Monday.',
        url: 'https://www.voanews.com/a/x',
        published: '2012-03-12',
        headline: 'Talks',
      },
    ],
    notes,
    settings: { rememberArticles: true, disabledSites: ['example.com'] },
  };

  it('writes a version 2 header of one line, which reads back as the notes, the settings and its count of articles', () => {
    const header = backupHeader({ notes, settings: data.settings, articles: 3 }, now);
    expect(header).not.toContain('\n');
    expect(JSON.parse(header)).toMatchObject({
      format: 'crosswire-backup',
      version: 2,
      exported: '2026-01-02T03:04:05.000Z',
      articles: 3,
    });
    expect(ok(header)).toEqual({
      kind: 'backup',
      notes,
      articles: [],
      articleLines: 3,
      settings: data.settings,
      skipped: [],
    });
    // The count is set once the articles are written.
    expect(ok(withArticleCount(header, 120)).articleLines).toBe(120);
    expect(error(withArticleCount(header, -1))).toBe(
      'this backup\'s "articles" must be how many articles follow it, not -1',
    );
    expect(error(JSON.stringify({ ...JSON.parse(header), articles: data.articles }))).toMatch(
      /^this backup's "articles" must be how many articles follow it, not /,
    );
  });

  it('still reads a version 1 backup: the same articles, notes and settings', () => {
    expect(ok(backupV1(data))).toEqual({ kind: 'backup', ...data, skipped: [] });
  });

  it('checks a version 1 backup’s articles as the article import does', () => {
    const e = error(backupV1({ ...data, articles: [data.articles[0]!, { text: '', colour: 'red' } as never] }));
    expect(e).toContain('article 2: unknown field "colour"');
    expect(e).toContain('article 2: "text" is required and must contain words');
  });
});

describe('Hypothesis exports', () => {
  const uri = 'https://www.voanews.com/a/syria-un-talks/1234.html?utm_source=twitter';
  const sample = {
    export_date: '2026-01-02T09:00:00.000Z',
    export_userid: 'acct:reader@hypothes.is',
    client_version: '1.1500.0',
    annotations: [
      {
        id: 'Xy1AbC2dEfGhIjKl',
        created: '2025-12-30T08:15:02.123456+00:00',
        updated: '2025-12-31T09:00:00.000000+00:00',
        user: 'acct:reader@hypothes.is',
        uri,
        text: 'Compare with the UN figure.',
        tags: ['toll', 'syria'],
        group: '__world__',
        target: [
          {
            source: uri,
            selector: [
              {
                type: 'RangeSelector',
                endOffset: 40,
                startOffset: 11,
                endContainer: '/div[1]/p[3]',
                startContainer: '/div[1]/p[3]',
              },
              { type: 'TextPositionSelector', start: 1200, end: 1217 },
              {
                type: 'TextQuoteSelector',
                exact: 'over 7,500 people',
                prefix: 'The UN says ',
                suffix: ' have been killed',
              },
            ],
          },
        ],
        document: { title: ['Syria: UN talks stall | VOA'] },
        links: {
          html: 'https://hypothes.is/a/Xy1AbC2dEfGhIjKl',
          incontext: 'https://hyp.is/Xy1AbC2dEfGhIjKl/www.voanews.com/a/syria-un-talks/1234.html',
        },
        hidden: false,
        flagged: false,
      },
      {
        id: 'Mn3OpQ4rStUvWxYz',
        created: '2025-12-30T08:20:00.000000+00:00',
        updated: '2025-12-30T08:20:00.000000+00:00',
        uri,
        text: '',
        tags: ['quote'],
        target: [
          {
            source: uri,
            selector: [{ type: 'TextQuoteSelector', exact: 'a tragedy', prefix: '', suffix: ', he said' }],
          },
        ],
        document: { title: ['Syria: UN talks stall | VOA'] },
      },
      {
        id: 'PageNote00000001',
        created: '2025-12-30T08:30:00.000000+00:00',
        updated: '2025-12-30T08:30:00.000000+00:00',
        uri,
        text: 'A page note about the whole article.',
        tags: [],
        target: [{ source: uri }],
        document: { title: ['Syria: UN talks stall | VOA'] },
      },
    ],
  };

  it('maps quoted annotations to notes and skips the page note with a reason', () => {
    const r = ok(JSON.stringify(sample));
    expect(r.kind).toBe('hypothesis');
    expect(r.settings).toBeNull();
    expect(r.articles).toEqual([]);
    expect(r.skipped).toEqual([{ index: 2, reason: expect.stringContaining('page note') }]);
    expect(r.notes).toHaveLength(2);
    const canonical = 'https://voanews.com/a/syria-un-talks/1234.html';
    expect(r.notes[0]).toEqual({
      id: 'hypothesis:Xy1AbC2dEfGhIjKl',
      articleId: articleId(canonical, ''),
      canonicalUrl: canonical,
      url: uri,
      title: 'Syria: UN talks stall | VOA',
      target: {
        exact: 'over 7,500 people',
        prefix: 'The UN says ',
        suffix: ' have been killed',
        start: 1200,
        end: 1217,
      },
      quoteHash: fnv1a64('over 7,500 people'),
      textHash: '',
      highlight: null,
      note: 'Compare with the UN figure.',
      tags: ['toll', 'syria'],
      stance: null,
      motivation: 'commenting',
      created: '2025-12-30T08:15:02.123Z',
      modified: '2025-12-31T09:00:00.000Z',
    });
    expect(r.notes[1]).toMatchObject({
      id: 'hypothesis:Mn3OpQ4rStUvWxYz',
      motivation: 'tagging',
      target: { start: 0, end: 9 },
      tags: ['quote'],
    });
    // Importing again gives the same ids.
    expect(ok(JSON.stringify(sample)).notes.map((n) => n.id)).toEqual(r.notes.map((n) => n.id));
  });

  it('skips replies and annotations of PDFs, and only notes come back from a Crosswire export', () => {
    const more = structuredClone(sample) as any;
    more.annotations.push(
      { ...more.annotations[2], id: 'Reply00000000001', references: ['Xy1AbC2dEfGhIjKl'] },
      {
        ...more.annotations[0],
        id: 'Pdf0000000000001',
        uri: 'urn:x-pdf:6f1f0c8e',
        target: [{ source: 'urn:x-pdf:6f1f0c8e', selector: [{ type: 'TextQuoteSelector', exact: 'x' }] }],
      },
    );
    const r = ok(JSON.stringify(more));
    expect(r.notes).toHaveLength(2);
    expect(r.skipped.map((s) => s.index)).toEqual([2, 3, 4]);
    expect(r.skipped[1]!.reason).toContain('a reply');
    expect(r.skipped[2]!.reason).toContain('not on a web page');
    const foreign = notesToWebAnnotation(notes.slice(0, 1), { now }) as any;
    foreign.items.push({
      id: 'https://example.org/anno/1',
      type: 'Annotation',
      motivation: 'commenting',
      target: 'https://example.org',
    });
    expect(ok(JSON.stringify(foreign)).skipped).toEqual([
      { index: 1, reason: expect.stringContaining('not a Crosswire note') },
    ]);
  });

  it('says which annotation is wrong and how', () => {
    const bad = structuredClone(sample) as any;
    bad.annotations[1].tags = 5;
    bad.annotations[0].created = 'yesterday';
    const e = error(JSON.stringify(bad));
    expect(e).toMatch(/^nothing was imported; 2 problems:/);
    expect(e).toContain('annotation 2: tags must be a list of strings');
    expect(e).toContain('annotation 1: created must be a date');
  });
});

describe('broken and hostile files', () => {
  const backup = (over: Record<string, unknown>) =>
    JSON.stringify({
      ...JSON.parse(
        backupHeader({ articles: 0, notes, settings: { rememberArticles: false, disabledSites: [] } }, now),
      ),
      ...over,
    });

  it('rejects each with its own message', () => {
    const file = JSON.stringify(notesToWebAnnotation(notes, { now }));
    expect(error(file.slice(0, file.length / 2))).toMatch(/^not valid JSON: /);
    expect(error('')).toBe('the file is empty');
    expect(error('  \n ')).toBe('the file is empty');
    expect(error(JSON.stringify({ hello: 'world' }))).toBe(
      'unknown file: expected a Crosswire export, a Crosswire backup or a Hypothesis export',
    );
    expect(error('[1, 2, 3]')).toBe(
      'unknown file: expected a Crosswire export, a Crosswire backup or a Hypothesis export',
    );
    expect(error(backup({ version: 3 }))).toBe(
      'this backup is version 3; this version of Crosswire reads versions 1 and 2',
    );
    expect(error(backup({ notes: [{ ...notes[0], stance: 'maybe' }] }))).toContain(
      'note 1: stance must be verified, disputed, follow-up or null, not "maybe"',
    );
    expect(error(backup({ notes: [{ ...notes[0], tags: 7 }] }))).toContain('note 1: tags must be a list of strings');
    expect(error(backup({ notes: [notes[0], notes[0]] }))).toContain('note 2: the same id');
    expect(error(backup({ notes: [{ ...notes[0], url: 'javascript:alert(1)' }] }))).toContain(
      'note 1: url must be an http(s) URL',
    );
    expect(error(backup({ settings: { rememberArticles: 'yes', disabledSites: [] } }))).toContain(
      'settings: rememberArticles must be true or false',
    );
  });

  it('rejects a 60 MB file before reading it', () => {
    expect(error('x'.repeat(60 * 1024 * 1024))).toBe('the file is 60 MB; the limit is 50 MB');
  });

  it('rejects 100,001 notes', () => {
    const file = `{"format":"crosswire-backup","version":1,"exported":"2026-01-02T03:04:05.000Z","articles":[],"settings":{"rememberArticles":true,"disabledSites":[]},"notes":[${'{},'.repeat(100_000)}{}]}`;
    expect(error(file)).toBe('the file holds 100,001 notes; the limit is 100,000');
  });

  it('rejects fields over the limits, listing at most 20 problems', () => {
    const huge = 'x'.repeat(1024 * 1024);
    expect(error(backup({ notes: [{ ...notes[0], note: huge }] }))).toContain(
      'note 1: the note text is 1,048,576 characters; the limit is 100,000',
    );
    expect(error(backup({ notes: [{ ...notes[0], tags: Array.from({ length: 101 }, (_, i) => `t${i}`) }] }))).toContain(
      '101 tags; the limit is 100',
    );
    expect(error(backup({ notes: [{ ...notes[0], tags: ['y'.repeat(201)] }] }))).toContain(
      'tag 1 is 201 characters; the limit is 200',
    );
    const many = error(
      backup({ notes: Array.from({ length: 30 }, (_, i) => ({ ...notes[0], id: `n-${i}`, created: 'soon' })) }),
    );
    expect(many).toMatch(/^nothing was imported; 30 problems:/);
    expect(many.split('\n')).toHaveLength(22);
    expect(many.endsWith('…and 10 more')).toBe(true);
  });

  it('keeps hostile strings as text through every format', () => {
    const hostile = notes[3]!;
    const jsonld = JSON.stringify(notesToWebAnnotation([hostile], { now }));
    expect(ok(jsonld).notes).toEqual([hostile]);
    expect(
      ok(backupHeader({ articles: 0, notes: [hostile], settings: { rememberArticles: false, disabledSites: [] } }, now))
        .notes,
    ).toEqual([hostile]);
    expect(notesToCsv([hostile])).toContain(HOSTILE);
    const md = articleReport(
      {
        title: HOSTILE,
        url: 'https://a.example/x',
        outlet: HOSTILE,
        published: null,
        actors: [],
        figures: [],
        quotes: [],
        notes: [hostile],
      },
      now,
    );
    expect(md).not.toMatch(/(?<!\\)<img/);
    expect(md).toContain('\\<img src=x onerror=alert(1)\\>');
    const hyp = {
      export_date: now.toISOString(),
      annotations: [
        {
          id: 'h1',
          created: now.toISOString(),
          updated: now.toISOString(),
          uri: 'https://a.example/x',
          text: HOSTILE,
          tags: [HOSTILE],
          target: [{ source: 'https://a.example/x', selector: [{ type: 'TextQuoteSelector', exact: HOSTILE }] }],
          document: { title: [HOSTILE] },
        },
      ],
    };
    expect(ok(JSON.stringify(hyp)).notes[0]).toMatchObject({
      note: HOSTILE,
      tags: [HOSTILE],
      title: HOSTILE,
      target: { exact: HOSTILE },
    });
  });
});
