// Types of corpus-step.mjs for the TypeScript tests that call it.
export declare const SEEDS_DIR: string;
/** Build the bundled corpus from `seedsDir` (relative to `root`) and return it as JSON text. */
export declare function buildCorpusJson(options?: { root?: string; seedsDir?: string }): Promise<string>;
