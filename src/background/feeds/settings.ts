import type { FollowingSettings } from '../../messages';
import type { CorpusDb } from '../db';

const KEY = 'following';

/** Off until the reader turns it on; then a poll every half hour, and feed entries kept a month. */
export const FOLLOWING_DEFAULTS: FollowingSettings = {
  on: false,
  intervalMinutes: 30,
  retentionDays: 30,
  autoFullText: false,
  dailyFullTextLimit: 20,
};

/** The reader's following settings (the defaults for any they never set). */
export async function readFollowing(db: CorpusDb): Promise<FollowingSettings> {
  const row = await db.settings.get(KEY);
  return { ...FOLLOWING_DEFAULTS, ...(row?.value as Partial<FollowingSettings> | undefined) };
}

/** Change some settings (already checked by the contract); answers the settings before and after. */
export async function writeFollowing(
  db: CorpusDb,
  changes: Partial<FollowingSettings>,
): Promise<{ before: FollowingSettings; after: FollowingSettings }> {
  return db.transaction('rw', db.settings, async () => {
    const before = await readFollowing(db);
    // A patch from the contract may carry `key: undefined` for fields it leaves alone.
    const set = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    const after = { ...before, ...set };
    await db.settings.put({ key: KEY, value: after });
    return { before, after };
  });
}
