// The import rules of src/, checked on every source file (like refined-github's build/features.test.ts):
// where code runs decides what it may import, so a context never leans on another's code.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');

/** Where a file under src/ belongs: its top folder, or "contracts" for the message contracts. */
type Area =
  | 'core'
  | 'shared'
  | 'contracts'
  | 'background'
  | 'content'
  | 'popup'
  | 'options'
  | 'cli'
  | 'demo'
  | 'outside src';

/** src/messages.ts, the one import point for the contracts (src/contracts/). */
const CONTRACT_FILES = new Set(['messages']);

const CONTEXT_MAY: Area[] = ['core', 'shared', 'contracts'];
const NODE_TOOL_MAY: Area[] = ['core', 'shared', 'contracts', 'cli', 'demo'];

/** What each area may import from src/, and the rule in words for the failure message. */
const RULES: Record<Exclude<Area, 'outside src'>, { may: Area[]; rule: string }> = {
  core: { may: ['core'], rule: 'src/core is pure: it imports only src/core (and npm packages)' },
  shared: {
    may: ['core', 'shared', 'contracts'],
    rule: 'src/shared imports only src/core, src/shared and the contracts',
  },
  contracts: { may: ['core', 'contracts'], rule: 'the message contracts import only src/core and each other' },
  background: { may: [...CONTEXT_MAY, 'background'], rule: contextRule('background') },
  content: { may: [...CONTEXT_MAY, 'content'], rule: contextRule('content') },
  popup: { may: [...CONTEXT_MAY, 'popup'], rule: contextRule('popup') },
  options: { may: [...CONTEXT_MAY, 'options'], rule: contextRule('options') },
  // Node tools (`npm start`, `npm run annotate`, the demo news site): they run the core, the
  // shared extraction and each other (start launches the demo), never an extension context's
  // code, which expects a browser and the extension API.
  cli: { may: NODE_TOOL_MAY, rule: 'src/cli is a node tool: it imports only core, shared, contracts, cli and demo' },
  demo: { may: NODE_TOOL_MAY, rule: 'src/demo is a node tool: it imports only core, shared, contracts, cli and demo' },
};

function contextRule(context: string): string {
  return `src/${context} imports only src/core, src/shared, the message contracts and src/${context}`;
}

/** Packages the pure core may not use: no DOM rendering, no extension API, no browser database. */
const NOT_IN_CORE = /^(preact|webextension-polyfill|dexie)(\/|$)/;

function areaOf(path: string): Area {
  if (path.startsWith('../')) return 'outside src';
  const top = path.split('/')[0]!;
  if (CONTRACT_FILES.has(path.replace(/\.tsx?$/, '')) || top === 'contracts') return 'contracts';
  return top in RULES ? (top as Area) : 'outside src';
}

/** A source file: its path under src/ (with forward slashes) and its text. */
interface Source {
  path: string;
  text: string;
}

/**
 * Every rule the files break, one line each: file and line, the import as written (and what it
 * names under src/), and the rule. Static imports, `export … from` and import() all count;
 * imports in comments and strings do not.
 */
function violations(files: Source[]): string[] {
  const found: string[] = [];
  for (const { path, text } of files) {
    const from = areaOf(path);
    if (from === 'outside src') {
      found.push(`src/${path}: no import rule covers this folder; add one to test/conventions.test.ts`);
      continue;
    }
    for (const { fileName, pos } of ts.preProcessFile(text, true, true).importedFiles) {
      const where = `src/${path}:${text.slice(0, pos).split('\n').length}`;
      if (!fileName.startsWith('.')) {
        if (from === 'core' && NOT_IN_CORE.test(fileName))
          found.push(`${where} imports '${fileName}': src/core is pure: no DOM, extension API or browser database`);
        continue;
      }
      const target = posix.normalize(posix.join(posix.dirname(path), fileName));
      const to = areaOf(target);
      if (!RULES[from].may.includes(to))
        found.push(
          `${where} imports '${fileName}' (${to === 'outside src' ? target : `src/${target}`}): ${RULES[from].rule}`,
        );
    }
  }
  return found;
}

/** The TypeScript files under src/, read from disk. */
function sourceFiles(dir = ''): Source[] {
  return readdirSync(join(SRC, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(entry.name) ? [{ path, text: readFileSync(join(SRC, path), 'utf8') }] : [];
  });
}

describe('import conventions', () => {
  it('holds for every file under src/', () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(100); // the walk found the tree
    expect(violations(files)).toEqual([]);
  });

  it('reports each kind of import that breaks a rule, naming the file, the import and the rule', () => {
    const bad: Source[] = [
      { path: 'core/match/x.ts', text: "import type { Popup } from '../../popup/Popup';" },
      { path: 'core/y.ts', text: "import { h } from 'preact';\nimport browser from 'webextension-polyfill';" },
      { path: 'options/Z.tsx', text: "\nexport { CorpusControls } from '../popup/CorpusControls';" },
      { path: 'shared/w.ts', text: "const cards = await import('../content/cards');" },
      { path: 'popup/v.ts', text: "import '../../test/preact-dom';" },
      { path: 'cli/u.ts', text: "import { db } from '../background/db';" },
      { path: 'newplace/t.ts', text: '' },
    ];
    expect(violations(bad)).toEqual([
      `src/core/match/x.ts:1 imports '../../popup/Popup' (src/popup/Popup): ${RULES.core.rule}`,
      "src/core/y.ts:1 imports 'preact': src/core is pure: no DOM, extension API or browser database",
      "src/core/y.ts:2 imports 'webextension-polyfill': src/core is pure: no DOM, extension API or browser database",
      `src/options/Z.tsx:2 imports '../popup/CorpusControls' (src/popup/CorpusControls): ${RULES.options.rule}`,
      `src/shared/w.ts:1 imports '../content/cards' (src/content/cards): ${RULES.shared.rule}`,
      `src/popup/v.ts:1 imports '../../test/preact-dom' (../test/preact-dom): ${RULES.popup.rule}`,
      `src/cli/u.ts:1 imports '../background/db' (src/background/db): ${RULES.cli.rule}`,
      'src/newplace/t.ts: no import rule covers this folder; add one to test/conventions.test.ts',
    ]);
  });

  it('allows what the rules allow, and ignores imports in comments and strings', () => {
    const good: Source[] = [
      { path: 'core/a.ts', text: "import { x } from './b';\nimport { parse } from 'valibot';" },
      { path: 'content/card/C.tsx', text: "import type { Ask } from '../../shared/ask';\nimport '../../messages';" },
      { path: 'background/d.ts', text: "export * from '../contracts/content-to-background';" },
      { path: 'popup/e.ts', text: "// import '../options/Options'\nconst s = \"import '../background/db'\";" },
      { path: 'shared/f.ts', text: "import type { Annotation } from '../core/types';" },
      { path: 'contracts/g.ts', text: "import type { Note } from '../core/notes/types';" },
      { path: 'cli/h.ts', text: "import { demoSite } from '../demo/pages';" },
    ];
    expect(violations(good)).toEqual([]);
  });
});

describe('request conventions', () => {
  // Every test file's text, to find which request types some test sends.
  const TEST_DIR = join(dirname(fileURLToPath(import.meta.url)));
  const testFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? testFiles(join(dir, e.name)) : /\.test\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
    );
  const tests = testFiles(TEST_DIR).map((f) => readFileSync(f, 'utf8'));

  it('gives every request type of the contracts a handler, a check of its reply and a test that sends it', async () => {
    const { CONTENT_REQUEST_TYPES, PAGE_REQUEST_TYPES, REPLY_TYPES } = await import('../src/messages');
    const { HANDLERS } = await import('../src/background/handle-message');
    const declared = [...new Set([...CONTENT_REQUEST_TYPES, ...PAGE_REQUEST_TYPES])].sort();
    expect(Object.keys(HANDLERS).sort(), 'a handler for each request type, and none for another').toEqual(declared);
    expect([...REPLY_TYPES].sort(), 'a reply check for each request type').toEqual(declared);
    const untested = declared.filter((type) => !tests.some((t) => t.includes(`type: '${type}'`)));
    expect(untested, 'request types no test sends').toEqual([]);
  });

  it('gives every command to a content script a test that sends it', async () => {
    const { CONTENT_COMMAND_TYPES } = await import('../src/messages');
    expect(CONTENT_COMMAND_TYPES.filter((type) => !tests.some((t) => t.includes(`type: '${type}'`)))).toEqual([]);
  });
});
