import { describe, expect, it } from 'vitest';
import { seedBundled } from '../../src/background/corpus-store';
import { deleteNote, importNotes, listNotes, notesFor, saveNote } from '../../src/background/notes-store';
import { bundled, freshDb, seed } from './corpus-db';
import { sampleNote } from './sample-note';

const quotaError = () => Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });

describe('the notes store', () => {
  it('saves, edits (same id) and deletes a note, and lists an article’s notes oldest first', async () => {
    const db = freshDb();
    const later = sampleNote({ id: 'n-2', created: '2026-11-25T12:00:00.000Z' });
    expect(await saveNote(db, later)).toEqual({ ok: true, value: { id: 'n-2' } });
    await saveNote(db, sampleNote({ id: 'n-1' }));
    await saveNote(db, sampleNote({ id: 'n-3', articleId: 'a-other' }));
    expect((await notesFor(db, 'a-000000000001')).map((n) => n.id)).toEqual(['n-1', 'n-2']);
    await saveNote(db, {
      ...later,
      note: 'confirmed by VOA',
      stance: 'verified',
      modified: '2026-11-26T09:00:00.000Z',
    });
    expect(await db.notes.get('n-2')).toMatchObject({ note: 'confirmed by VOA', stance: 'verified' });
    expect(await deleteNote(db, 'n-2')).toEqual({ ok: true, value: { id: 'n-2' } });
    expect(await deleteNote(db, 'n-2')).toEqual({ ok: false, error: 'no note n-2' });
  });

  it('filters for export by site, tag, date and actor', async () => {
    const db = freshDb();
    await seedBundled(db, bundled);
    const rt = seed('rt.com');
    await importNotes(db, [
      sampleNote({
        id: 'n-cbc',
        url: 'https://www.cbc.ca/news/a',
        tags: ['toll', 'check'],
        created: '2026-01-10T00:00:00.000Z',
      }),
      sampleNote({
        id: 'n-voa',
        url: 'https://voanews.com/a/b',
        tags: ['quote'],
        created: '2026-02-10T00:00:00.000Z',
        highlight: { kind: 'actor', id: 'sergey-lavrov' },
      }),
      sampleNote({
        id: 'n-rt',
        url: 'https://www.rt.com/news/x',
        articleId: rt.id,
        tags: [],
        highlight: null,
        created: '2026-03-10T00:00:00.000Z',
      }),
    ]);
    const ids = async (filter: Parameters<typeof listNotes>[1]) => (await listNotes(db, filter)).map((n) => n.id);
    expect(await ids({})).toEqual(['n-cbc', 'n-voa', 'n-rt']);
    expect(await ids({ site: 'cbc.ca' })).toEqual(['n-cbc']);
    expect(await ids({ site: 'www.voanews.com' })).toEqual(['n-voa']);
    expect(await ids({ tag: 'toll' })).toEqual(['n-cbc']);
    expect(await ids({ from: '2026-02-01', to: '2026-02-28' })).toEqual(['n-voa']);
    // On Lavrov's highlight, or on an article that names him (RT's).
    expect(await ids({ actorId: 'sergey-lavrov' })).toEqual(['n-voa', 'n-rt']);
    expect(await ids({ actorId: 'sergey-lavrov', tag: 'quote' })).toEqual(['n-voa']);
  });

  it('imports a set of notes at once, and the same set again adds nothing', async () => {
    const db = freshDb();
    const notes = [sampleNote({ id: 'n-1' }), sampleNote({ id: 'n-2' }), sampleNote({ id: 'n-2' })];
    expect(await importNotes(db, notes)).toEqual({ ok: true, value: { added: 2, skipped: 1 } });
    expect(await importNotes(db, notes)).toEqual({ ok: true, value: { added: 0, skipped: 3 } });
    expect(await db.notes.count()).toBe(2);
  });

  it('writes nothing when storage fills up, and says so', async () => {
    const db = freshDb();
    await saveNote(db, sampleNote({ id: 'n-0' }));
    let writes = 0;
    const creating = () => {
      if (++writes > 1) throw quotaError();
    };
    db.notes.hook('creating', creating);
    const result = await importNotes(db, [sampleNote({ id: 'n-1' }), sampleNote({ id: 'n-2' })]);
    expect(result).toEqual({
      ok: false,
      error: expect.stringMatching(/^nothing was imported: the browser's storage for Crosswire is full/),
    });
    expect((await db.notes.toArray()).map((n) => n.id)).toEqual(['n-0']);
    db.notes.hook('creating').unsubscribe(creating);
    db.notes.hook('updating', () => {
      throw quotaError();
    });
    expect(await saveNote(db, sampleNote({ id: 'n-0', note: 'edited' }))).toEqual({
      ok: false,
      error: expect.stringMatching(/^the note was not saved: the browser's storage/),
    });
    expect((await db.notes.get('n-0'))?.note).toBe('check the toll');
  });
});
