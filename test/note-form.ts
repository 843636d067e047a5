// Filling the note form from the keyboard, as the Chromium and Firefox journeys both do:
// the note, then its tags, then its stance, each a Tab apart, then Save.

/** What both Playwright's and Puppeteer's keyboards can do. */
interface Keyboard {
  type(text: string): Promise<void>;
  press(key: string): Promise<void>;
}

export async function fillNoteForm(keyboard: Keyboard, form: { note: string; tags: string; stance: string }) {
  await keyboard.type(form.note);
  await keyboard.press('Tab');
  await keyboard.type(form.tags);
  await keyboard.press('Tab');
  await keyboard.type(form.stance);
  await keyboard.press('Tab');
  await keyboard.press('Enter');
}
