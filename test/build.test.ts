// Checks what `node build.mjs` wrote: both browsers get the same code and files, and their
// manifests differ exactly where Chrome and Firefox disagree about MV3 backgrounds.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, REPO_ROOT, ensureBuilt } from './ensure-built';

type Manifest = Record<string, unknown> & { background: Record<string, unknown> };

const readJson = (path: string): Manifest => JSON.parse(readFileSync(path, 'utf8')) as Manifest;

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

beforeAll(ensureBuilt);

describe('dist/chrome', () => {
  it('carries manifest.json unchanged', () => {
    expect(readJson(join(DIST, 'chrome', 'manifest.json'))).toEqual(readJson(join(REPO_ROOT, 'manifest.json')));
  });
});

describe('dist/firefox', () => {
  it('differs from Chrome only in background, its minimum version and browser_specific_settings', () => {
    const chrome = readJson(join(DIST, 'chrome', 'manifest.json'));
    const firefox = readJson(join(DIST, 'firefox', 'manifest.json'));
    // Each browser's floor is where the Custom Highlight API (which paints the highlights) arrived.
    expect(chrome.minimum_chrome_version).toBe('105');
    const { background: chromeBackground, minimum_chrome_version: _floor, ...chromeRest } = chrome;
    const { background: firefoxBackground, browser_specific_settings: settings, ...firefoxRest } = firefox;

    expect(firefoxRest).toEqual(chromeRest);
    expect(chromeBackground).toEqual({ service_worker: 'background.js', type: 'module' });
    expect(firefoxBackground).toEqual({ scripts: ['background.js'] });
    expect(settings).toEqual({
      gecko: {
        id: 'crosswire@crosswire.dev',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
    });
  });
});

describe('both builds', () => {
  it('hold the same files, byte for byte, apart from the manifest', () => {
    const chromeFiles = listFiles(join(DIST, 'chrome'));
    expect(listFiles(join(DIST, 'firefox'))).toEqual(chromeFiles);
    for (const file of chromeFiles.filter((name) => name !== 'manifest.json')) {
      expect(readFileSync(join(DIST, 'firefox', file)).equals(readFileSync(join(DIST, 'chrome', file))), file).toBe(
        true,
      );
    }
  });

  it('contain every file the manifest names', () => {
    const manifest = readJson(join(DIST, 'chrome', 'manifest.json'));
    const named = JSON.stringify(manifest).match(/[\w/-]+\.(?:js|html|png)\b/g) ?? [];
    expect(named.length).toBeGreaterThan(5);
    const files = new Set(listFiles(join(DIST, 'chrome')));
    for (const file of named) expect(files, file).toContain(file);
  });
});

describe('store-ready zips', () => {
  for (const browser of ['chrome', 'firefox']) {
    it(`dist/crosswire-${browser}-VERSION.zip holds exactly dist/${browser}, manifest at the root`, () => {
      const version = String(readJson(join(REPO_ROOT, 'manifest.json')).version);
      const zip = unzipSync(readFileSync(join(DIST, `crosswire-${browser}-${version}.zip`)));
      const dir = join(DIST, browser);
      expect(Object.keys(zip).sort()).toEqual(listFiles(dir).map((f) => f.split(sep).join('/')));
      for (const [name, bytes] of Object.entries(zip))
        expect(Buffer.from(bytes).equals(readFileSync(join(dir, name))), name).toBe(true);
      expect(JSON.parse(strFromU8(zip['manifest.json']!)).manifest_version).toBe(3);
    });
  }
});

describe('no code from anywhere but the package', () => {
  it('has no inline script or event-handler attribute in its pages, and no script from elsewhere', () => {
    for (const page of ['popup.html', 'options.html']) {
      const html = readFileSync(join(DIST, 'chrome', page), 'utf8');
      expect(
        [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => [m[1]!.trim(), m[2]!.trim()]),
        page,
      ).toEqual([[`src="${page.replace('.html', '.js')}"`, '']]);
      expect(html, page).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html, page).not.toMatch(/(src|href)="(https?:)?\/\//i);
    }
  });

  it('has no eval or Function constructor in any bundle', () => {
    for (const file of listFiles(join(DIST, 'chrome')).filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(join(DIST, 'chrome', file), 'utf8');
      expect(code, file).not.toMatch(/\beval\(|new Function\(/);
    }
  });
});

describe('what a page loads', () => {
  it("leaves the requests' contracts out of the content script, which never checks a request", () => {
    // esbuild marks each module's code with its path; a content script that imported the
    // contracts through src/messages.ts would build every request schema on every page.
    const content = readFileSync(join(DIST, 'chrome', 'content.js'), 'utf8');
    expect(content).toContain('// src/contracts/replies.ts');
    for (const contract of ['content-to-background', 'page-to-background', 'shared-requests'])
      expect(content).not.toContain(`// src/contracts/${contract}.ts`);
  });

  it("leaves story matching's summaries and text sketches out of the content script", () => {
    // The cards compare a figure's numbers (summary-figure.ts); minhash.ts works out its seeds when loaded.
    const content = readFileSync(join(DIST, 'chrome', 'content.js'), 'utf8');
    expect(content).toContain('// src/core/match/summary-figure.ts');
    for (const module of ['summarize', 'minhash']) expect(content).not.toContain(`// src/core/match/${module}.ts`);
  });

  it('leaves Readability to the extractor, which a page marking no article body gets on demand', () => {
    // 84 KB that every new tab compiled, for the few pages that need it.
    const content = readFileSync(join(DIST, 'chrome', 'content.js'), 'utf8');
    const extract = readFileSync(join(DIST, 'chrome', 'extract.js'), 'utf8');
    expect(content).toContain('// src/shared/published-date.ts');
    expect(content).not.toContain('// node_modules/@mozilla/readability/');
    expect(extract).toContain('// node_modules/@mozilla/readability/Readability.js');
  });
});
