// One Note schema for messages, storage and import. Before it, the message check allowed a
// prefix of 64 characters and the import 1,000: an imported note with a longer prefix made
// its page's whole `notes-for` reply "malformed", and the page showed none of its notes.
import { describe, expect, it } from 'vitest';
import { corpusService } from '../../src/background/corpus-service';
import { notesService } from '../../src/background/notes-service';
import { noteProblems } from '../../src/core/notes/schema';
import { notesToWebAnnotation } from '../../src/core/notes/web-annotation';
import { parseContentRequest, parsePageRequest, parseReply } from '../../src/messages';
import { freshDb } from './corpus-db';
import { sampleNote } from './sample-note';

const prefix = (n: number) => 'x'.repeat(n);

describe('the one Note schema', () => {
  it('lets a page read back a note imported with a long prefix (regression)', async () => {
    const db = freshDb();
    const ready = Promise.resolve();
    const notes = notesService(db, ready, corpusService(db, ready));
    const long = sampleNote({ target: { ...sampleNote().target, prefix: prefix(500) } });
    const file = JSON.stringify(notesToWebAnnotation([long], { now: new Date('2026-12-01T00:00:00Z') }));
    expect(await notes.importNotes(file)).toMatchObject({ ok: true, value: { added: 1 } });
    const stored = await notes.notesFor(long.articleId);
    expect(stored[0]?.target.prefix).toHaveLength(500);
    // The reply crosses to the content script and is checked there with the same schema.
    const reply = parseReply('notes-for', JSON.parse(JSON.stringify({ ok: true, value: stored })));
    expect(reply).toEqual({ ok: true, value: stored });
    // And the content script may save it back after an edit.
    expect(parseContentRequest({ type: 'save-note', note: stored[0] }).ok).toBe(true);
  });

  it('draws the same line for a message, a reply and an import, with the same words', async () => {
    const tooLong = sampleNote({ target: { ...sampleNote().target, prefix: prefix(1001) } });
    const problem = 'prefix is 1,001 characters; the limit is 1,000';
    expect(noteProblems(tooLong)).toEqual([problem]);
    expect(parsePageRequest({ type: 'save-note', note: tooLong })).toEqual({
      ok: false,
      error: `save-note: note ${problem}`,
    });
    expect(parseReply('notes-for', { ok: true, value: [tooLong] })).toEqual({
      ok: false,
      error: 'malformed reply to notes-for',
    });
    const db = freshDb();
    const ready = Promise.resolve();
    const notes = notesService(db, ready, corpusService(db, ready));
    const file = JSON.stringify(notesToWebAnnotation([tooLong], { now: new Date('2026-12-01T00:00:00Z') }));
    const imported = await notes.importNotes(file);
    expect(imported.ok).toBe(false);
    expect(imported.ok === false && imported.error).toContain(problem);
  });
});
