/**
 * Saving text as a file from an extension page (options, popup). Kept apart from the
 * components so their tests pass a fake and read what would have been saved.
 */

/**
 * Saves `content` under `filename` (as `mime`, JSON by default). A large file comes as a Blob
 * made of parts, so it is never one string in the page's memory.
 */
export type Download = (filename: string, content: string | Blob, mime?: string) => void;

/** Saves `content` as a file through a Blob URL and a clicked `<a download>`. */
export const downloadText: Download = (filename, content, mime = 'application/json') => {
  const url = URL.createObjectURL(new Blob([content], { type: mime }));
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

/** The export's file name for a day, in the user's own time zone: crosswire-articles-YYYY-MM-DD.jsonl. */
export function exportFileName(day: Date): string {
  return `crosswire-articles-${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}.jsonl`;
}
