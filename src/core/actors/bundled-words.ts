import { wordsOfBuild } from './dictionary';
import { loadDictionary } from './load';

/** The words of the bundled dictionary's surfaces, which build.mjs bundles into the background (see dictionary.ts). */
export const bundledWords = () => wordsOfBuild(() => loadDictionary());
