import type { Note } from '../../src/core/notes/types';

/** A note as the app stores it, with the given fields changed. */
export function sampleNote(overrides: Partial<Note> = {}): Note {
  return {
    id: 'n-0000000000000001',
    articleId: 'a-000000000001',
    canonicalUrl: 'https://www.cbc.ca/news/world/x-1.1',
    url: 'https://www.cbc.ca/news/world/x-1.1?ref=rss',
    title: 'U.S., Russia split over Syrian killings at UN talks',
    target: { exact: 'over 7,500 people', prefix: 'The UN says ', suffix: ' have been killed', start: 120, end: 137 },
    quoteHash: '0000000000000000',
    textHash: '0000000000000000',
    highlight: { kind: 'figure', id: 'f-1' },
    note: 'check the toll',
    tags: ['toll'],
    stance: 'follow-up',
    motivation: 'commenting',
    created: '2026-11-25T10:00:00.000Z',
    modified: '2026-11-25T10:00:00.000Z',
    ...overrides,
  };
}
