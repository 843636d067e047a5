#!/usr/bin/env node
// Builds the extension for Chrome and Firefox from one source tree and one manifest.json.
// esbuild bundles each entry point once; every dist/<browser>/ then gets the same bundles,
// the static files, and its browser's variant of the manifest.
//
//   node build.mjs                     build dist/chrome and dist/firefox
//   node build.mjs --browser firefox   build one browser
//   node build.mjs --watch             rebuild on change
import * as esbuild from 'esbuild';
import { zipSync } from 'fflate';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SEEDS_DIR, buildCorpusJson } from './scripts/corpus-step.mjs';

// Every path below is relative to the repo root, wherever the build is started from.
const ROOT = dirname(fileURLToPath(import.meta.url));
process.chdir(ROOT);

const BROWSERS = ['chrome', 'firefox'];

const ENTRY_POINTS = {
  background: 'src/background/index.ts',
  content: 'src/content/index.ts',
  'site-off': 'src/content/site-off.ts',
  wake: 'src/content/wake.ts',
  extract: 'src/content/extract-entry.ts',
  popup: 'src/popup/index.tsx',
  options: 'src/options/index.tsx',
};

/** Copied into each dist/<browser>/ as they are: [source, destination]. Missing ones are skipped. */
const STATIC_FILES = [
  ['src/popup/popup.html', 'popup.html'],
  ['src/popup/popup.css', 'popup.css'],
  ['src/options/options.html', 'options.html'],
  ['src/options/options.css', 'options.css'],
  ['icons', 'icons'],
];

const FIREFOX_SETTINGS = {
  gecko: {
    id: 'crosswire@crosswire.dev',
    // 140: the first Firefox with the CSS Custom Highlight API (CSS.highlights, ::highlight),
    // which paints every highlight. (Before it, 128 was the floor: the first to read
    // optional_host_permissions, after 127 began granting MV3 host permissions at install.)
    strict_min_version: '140.0',
    // AMO requires new extensions to declare this. Crosswire sends nothing off the device;
    // a feature that does must change it. Firefox before 140 ignores the key.
    data_collection_permissions: { required: ['none'] },
  },
};

/** Derives a browser's manifest from the repo's manifest.json (written in Chrome's form). */
function manifestFor(browser, manifest) {
  if (browser === 'chrome') return manifest;
  // Firefox runs MV3 backgrounds as event pages, not service workers. The bundle is an
  // IIFE, so it needs no "type": "module" there.
  const { service_worker: script, type: _type, ...background } = manifest.background;
  // Chrome's floor is its own key; Firefox's is strict_min_version above.
  const { minimum_chrome_version: _chrome, ...rest } = manifest;
  return {
    ...rest,
    background: { ...background, scripts: [script] },
    browser_specific_settings: FIREFOX_SETTINGS,
  };
}

/** A TypeScript module of ours, bundled and loaded here, for files made from its exports. */
async function loadModule(entryPoint) {
  const { outputFiles } = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [entryPoint],
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'warning',
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].contents).toString('base64')}`);
}

/**
 * The bundled dictionary's words (src/core/actors/bundled-words.ts), worked out now for the
 * background, which then builds its dictionary without tokenizing 8,000 names and aliases each
 * time its worker starts. A JSON string, parsed when first read: V8 parses one faster than the
 * same object literal.
 */
const dictionaryWords = {
  name: 'crosswire-dictionary-words',
  setup(build) {
    build.onResolve({ filter: /^crosswire:dictionary-words$/ }, (args) => ({
      path: args.path,
      namespace: 'crosswire',
    }));
    build.onLoad({ filter: /.*/, namespace: 'crosswire' }, async () => {
      const words = (await loadModule('src/core/actors/bundled-words.ts')).bundledWords();
      return { contents: `export default () => JSON.parse(${JSON.stringify(JSON.stringify(words))});`, loader: 'js' };
    });
  },
};

/** The highlights' stylesheet, from src/content/mark-css.ts (it reads the shared palette). */
const markCss = async () => (await loadModule('src/content/mark-css.ts')).MARK_CSS;

/** The JSON-LD context of our exports (which embed it), shipped as a file too; not web-accessible. */
const jsonldContext = async () => (await loadModule('src/core/export/crosswire-context.ts')).contextDocument();

function writeBrowser(browser, outputFiles, corpusJson, css, context) {
  const dir = join('dist', browser);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  for (const file of outputFiles) writeFileSync(join(dir, basename(file.path)), file.contents);
  for (const [source, destination] of STATIC_FILES) {
    if (existsSync(source)) cpSync(source, join(dir, destination), { recursive: true });
  }
  // The bundled corpus: the background seeds its database from it.
  writeFileSync(join(dir, 'corpus.json'), corpusJson);
  writeFileSync(join(dir, 'marks.css'), css);
  writeFileSync(join(dir, 'crosswire-context.jsonld'), context);

  const manifest = JSON.parse(readFileSync('manifest.json', 'utf8'));
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifestFor(browser, manifest), null, 2)}\n`);
  console.log(`built ${dir}/`);
  writeZip(dir, join('dist', `crosswire-${browser}-${manifest.version}.zip`));
}

/**
 * The store upload: dist/<browser>/ zipped with manifest.json at the root, as the Chrome Web
 * Store and addons.mozilla.org want it. Files in a fixed order with a fixed date, so the same
 * build gives the same bytes.
 */
function writeZip(dir, file) {
  const entries = {};
  for (const name of readdirSync(dir, { recursive: true }).map(String).sort()) {
    const path = join(dir, name);
    if (statSync(path).isFile())
      entries[name.split(sep).join('/')] = [readFileSync(path), { mtime: new Date('2026-01-01T00:00:00Z') }];
  }
  writeFileSync(file, zipSync(entries, { level: 9 }));
  console.log(`zipped ${file}`);
}

/**
 * Writes dist/ after each successful esbuild pass, one-shot or watch alike. The corpus is
 * rebuilt each time (the engine's code may have changed); a broken seed fails the build.
 */
const writeDist = (browsers) => ({
  name: 'crosswire-dist',
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length > 0) return; // esbuild has printed them; keep the last good dist
      let corpusJson;
      let css;
      let context;
      try {
        css = await markCss();
        context = await jsonldContext();
        corpusJson = await buildCorpusJson({ root: ROOT });
      } catch (error) {
        console.error(`dist not written: ${error instanceof Error ? error.message : error}`);
        process.exitCode = 1; // keep the last good dist, as for a compile error
        return;
      }
      for (const browser of browsers) writeBrowser(browser, result.outputFiles ?? [], corpusJson, css, context);
    });
  },
});

function parseOptions() {
  const { values } = parseArgs({
    options: { watch: { type: 'boolean', default: false }, browser: { type: 'string' } },
  });
  if (values.browser !== undefined && !BROWSERS.includes(values.browser)) {
    throw new Error(`--browser must be one of ${BROWSERS.join(', ')}, not "${values.browser}"`);
  }
  return { watch: values.watch, browsers: values.browser ? [values.browser] : BROWSERS };
}

async function main() {
  const { watch: watching, browsers } = parseOptions();
  const options = {
    absWorkingDir: ROOT,
    entryPoints: ENTRY_POINTS,
    bundle: true,
    // IIFE runs everywhere we load code: as a content script (never a module), as
    // Chrome's module service worker, as Firefox's background script and in popup.html.
    format: 'iife',
    target: 'es2022',
    // Readable output for store review; JSX settings come from tsconfig.json.
    minify: false,
    // Extension scripts must be UTF-8 anyway; escaping the dictionary's Arabic and Cyrillic
    // names as \uXXXX made the background's bundle 0.39 MB larger (3.26 MB against 2.87).
    charset: 'utf8',
    sourcemap: false,
    outdir: 'dist/.bundles',
    write: false,
    logLevel: 'warning',
    plugins: [dictionaryWords, writeDist(browsers)],
  };

  if (!watching) {
    await esbuild.build(options);
    return;
  }
  const context = await esbuild.context(options);
  await context.watch();
  // esbuild watches only what it bundles; the manifest, seeds and static files need their own watch.
  const rebuild = () => context.rebuild().catch(() => {}); // errors are already printed
  for (const path of ['manifest.json', SEEDS_DIR, ...STATIC_FILES.map(([source]) => source)]) {
    if (existsSync(path)) watch(path, { recursive: true }, rebuild);
  }
  console.log('watching for changes…');
}

main().catch((error) => {
  // esbuild has already printed its own errors; anything else is ours to report.
  if (!error?.errors) console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
