/**
 * Saving text as a file from the options page. Kept apart from the components so their
 * tests pass a fake and read what would have been saved.
 */

/** Saves `text` under `filename`; the options page passes this to the export. */
export type Download = (filename: string, text: string) => void;

/** Saves `text` as a JSON file through a Blob URL and a clicked `<a download>`. */
export const downloadText: Download = (filename, text) => {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
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
