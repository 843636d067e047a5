import { fileURLToPath } from 'node:url';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { CorpusDb } from '../../src/background/db';
import { corpusFromDir } from '../../src/core/corpus/build-cli';
import type { BundledCorpus } from '../../src/core/corpus/types';

let n = 0;
/** A fresh, empty corpus database in memory (fake-indexeddb), unique per call. */
export const freshDb = () => new CorpusDb(`crosswire-test-${++n}-${Date.now()}`, { indexedDB, IDBKeyRange });

/** The corpus the build bundles, built from the seed files in the project. */
export const bundled: BundledCorpus = corpusFromDir(
  // Not `new URL(…).pathname`: under happy-dom, URL is the DOM's, which does not resolve file: paths.
  fileURLToPath(new globalThis.URL('../../src/core/corpus/seeds/', import.meta.url)),
);

/** The seed articles by outlet. */
export const seed = (outlet: string) => bundled.articles.find((a) => a.outlet === outlet)!;
