// The corpus step of the build: bundles the TypeScript corpus builder for Node with esbuild,
// runs it on the seed articles and returns corpus.json's text. Any broken seed fails the
// build here, with a message naming its file.
import * as esbuild from 'esbuild';
import { resolve } from 'node:path';

const ENTRY = 'src/core/corpus/build-cli.ts';
export const SEEDS_DIR = 'src/core/corpus/seeds';

let loaded = { code: '', module: null };

/**
 * Imports the bundle from memory as a data: URL, so the build leaves no temporary file
 * behind (it imports only node: built-ins, which data: modules may). Node never unloads a
 * module, so watch mode reuses the last one while the code is unchanged.
 */
async function load(code) {
  if (loaded.code !== code)
    loaded = { code, module: await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`) };
  return loaded.module;
}

/** Build the bundled corpus from `seedsDir` (relative to `root`) and return it as JSON text. */
export async function buildCorpusJson({ root = process.cwd(), seedsDir = SEEDS_DIR } = {}) {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  const { corpusFromDir } = await load(result.outputFiles[0].text);
  const corpus = corpusFromDir(resolve(root, seedsDir));
  return JSON.stringify(corpus);
}
