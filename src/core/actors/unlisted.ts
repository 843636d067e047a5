import { slugify } from '../text/fold';

const PREFIX = 'unlisted-';

/**
 * The id of a person or body outside the dictionary, from its name: the same in every article,
 * whether actor detection or quote attribution found it, so the corpus links them.
 */
export const unlistedId = (name: string) => `${PREFIX}${slugify(name)}`;

/** Whether an actor id is one given to someone outside the dictionary. */
export const isUnlisted = (id: string | null | undefined) => !!id?.startsWith(PREFIX);
