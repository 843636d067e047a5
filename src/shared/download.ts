/**
 * Saving text as a file from an extension page (options, popup). Kept apart from the
 * components so their tests pass a fake and read what would have been saved.
 */

/** Saves `text` under `filename` (as `mime`, JSON by default). */
export type Download = (filename: string, text: string, mime?: string) => void;

/** Saves `text` as a file through a Blob URL and a clicked `<a download>`. */
export const downloadText: Download = (filename, text, mime = 'application/json') => {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel a download that has not started reading the Blob yet.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
};

const pad = (n: number) => String(n).padStart(2, '0');

/** The export's file name for a day, in the user's own time zone: crosswire-articles-YYYY-MM-DD.json. */
export function exportFileName(day: Date): string {
  return `crosswire-articles-${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}.json`;
}
