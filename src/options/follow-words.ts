import { outletProfile } from '../core/corpus/outlets';
import type { FeedStatus, PollReport } from '../messages';

// The words the "Follow the outlets' news" section uses, kept apart so each has a plain test.

export const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

const MOMENT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** A moment (ms since 1970) in the reader's own time zone: "3 March 2024 at 14:05". */
export const momentText = (ms: number) => MOMENT.format(new Date(ms)).replace(', ', ' at ');

/** A size in bytes as people read it: "820 KB", "12.3 MB", "2.1 GB". */
export function bytesText(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

/** The name a feed is shown under: its outlet's name, else its title, else its host. */
export function sourceName(feed: Pick<FeedStatus, 'url' | 'outlet' | 'title'>): string {
  const outlet = feed.outlet ? outletProfile(feed.outlet) : null;
  if (outlet) return outlet.name;
  if (feed.title) return feed.title;
  try {
    return new URL(feed.url).hostname;
  } catch {
    return feed.url;
  }
}

/** What a feed's or subscription's last fetches came to, one line each. */
export function statusLines(feed: FeedStatus, now: number, added = 'entries'): string[] {
  const lines = [
    feed.lastSuccess === null
      ? 'Not fetched yet.'
      : `Last fetched ${momentText(feed.lastSuccess)}; ${feed.items.toLocaleString('en-GB')} ${added} added in all.`,
  ];
  if (feed.lastError) {
    const when = feed.lastErrorAt === null ? '' : ` (${momentText(feed.lastErrorAt)})`;
    lines.push(`Last error${when}: ${feed.lastError}`);
  }
  if (feed.retryAt !== null && feed.retryAt > now) {
    const after = feed.failures > 0 ? ` after ${plural(feed.failures, 'failure')}` : '';
    lines.push(`Backing off until ${momentText(feed.retryAt)}${after}.`);
  }
  return lines;
}

/** What "Check now" did, in words; each failed feed on a line of its own. */
export function pollSummary(report: PollReport): string {
  const head =
    report.feeds === 0
      ? 'No feed was due: each is backing off or was just fetched.'
      : `Checked ${plural(report.feeds, 'feed')}: ${plural(report.added, 'new entry', 'new entries')}, ` +
        `${report.unchanged} unchanged.`;
  if (!report.failed.length) return head;
  return [
    `${head} ${plural(report.failed.length, 'feed')} failed:`,
    ...report.failed.map((f) => `${f.url}: ${f.error}`),
  ].join('\n');
}

/** What an OPML import did, in words. */
export function opmlSummary(report: { added: number; skipped: string[] }): string {
  const head = report.added ? `Added ${plural(report.added, 'feed')}.` : 'No new feeds were added.';
  if (!report.skipped.length) return head;
  const listed = report.skipped.slice(0, 10);
  const more = report.skipped.length > 10 ? [`…and ${report.skipped.length - 10} more.`] : [];
  return [`${head} Skipped ${plural(report.skipped.length, 'feed')}:`, ...listed, ...more].join('\n');
}

/** A web address the reader typed, or what is wrong with it. */
export function webAddress(typed: string): { ok: true; url: string } | { ok: false; error: string } {
  let url: URL;
  try {
    url = new URL(typed.trim());
  } catch {
    return { ok: false, error: `“${typed.trim()}” is not a web address: it should start with https://` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, error: `Only web addresses (https:// or http://) can be fetched, not ${url.protocol}` };
  return { ok: true, url: url.href };
}
