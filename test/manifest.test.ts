// The manifest's promises to users and store reviewers, checked so no later change breaks
// them by accident: few permissions, no page can detect us, no eval, the news sites we run on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './ensure-built';

interface Manifest {
  version: string;
  permissions: string[];
  host_permissions: string[];
  optional_host_permissions: string[];
  content_scripts: { matches: string[]; js: string[]; css?: string[]; run_at: string }[];
  content_security_policy?: { extension_pages?: string };
  web_accessible_resources?: unknown;
}

const text = readFileSync(join(REPO_ROOT, 'manifest.json'), 'utf8');
const manifest = JSON.parse(text) as Manifest;
const packageJson = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };

/**
 * Whether a `https://*.host/*` pattern covers an https URL's host. Both browsers define a
 * `*.` host as "the host itself or any subdomain", which is why the manifest needs no
 * separate `https://host/*` entries; the browser test confirms it in real Chromium.
 */
function covers(pattern: string, host: string): boolean {
  const match = /^https:\/\/\*\.([^/]+)\/\*$/.exec(pattern);
  if (!match?.[1]) throw new Error(`unexpected pattern shape: ${pattern}`);
  return host === match[1] || host.endsWith(`.${match[1]}`);
}

const REQUIRED_HOSTS = [
  'cbc.ca',
  'voanews.com',
  'rt.com',
  'apnews.com',
  'reuters.com',
  'bbc.com',
  'bbc.co.uk',
  'nytimes.com',
  'washingtonpost.com',
  'theguardian.com',
  'aljazeera.com',
  'bloomberg.com',
  'rferl.org',
  'tass.com',
  'france24.com',
  'dw.com',
  'un.org',
  'news.un.org',
];

describe('manifest.json', () => {
  it('has the package version', () => {
    expect(manifest.version).toBe(packageJson.version);
  });

  it('asks only for the API permissions it uses, and no broad host access', () => {
    // activeTab + scripting: read the article of the tab the user points at (popup button,
    // context menu); contextMenus: that menu item; alarms: polling the feeds the reader follows.
    // The corpus is IndexedDB, which needs none.
    expect(manifest.permissions).toEqual(['activeTab', 'scripting', 'contextMenus', 'alarms']);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(text).not.toContain('<all_urls>');
  });

  it('exposes no resource to web pages', () => {
    // Any web-accessible resource lets every site detect that the user runs Crosswire.
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it('forbids eval, inline and remote code on extension pages', () => {
    const policy = manifest.content_security_policy?.extension_pages ?? '';
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|https?:|\*|data:|blob:/);
  });

  it('asks only for the permissions the README justifies, one by one', () => {
    expect([...manifest.permissions].sort()).toEqual(['activeTab', 'alarms', 'contextMenus', 'scripting']);
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('### Permissions'));
    for (const p of [...manifest.permissions, 'host_permissions', 'optional_host_permissions'])
      expect(table, p).toMatch(new RegExp(`\\| \`${p}\``));
    expect(manifest).not.toHaveProperty('web_accessible_resources');
    expect(manifest).not.toHaveProperty('externally_connectable');
  });

  it('runs the content script, at document_idle, and the wake script before it, exactly where it has host permission', () => {
    expect(manifest.content_scripts).toHaveLength(2);
    const [script, wake] = manifest.content_scripts;
    expect(script).toMatchObject({ js: ['content.js'], css: ['marks.css'], run_at: 'document_idle' });
    expect(script?.matches).toEqual(manifest.host_permissions);
    // Only a message to our background, as the page starts loading (src/content/wake.ts).
    expect(wake).toEqual({ matches: manifest.host_permissions, js: ['wake.js'], run_at: 'document_start' });
  });

  it('covers at least 50 news sites over https, each once', () => {
    expect(new Set(manifest.host_permissions).size).toBe(manifest.host_permissions.length);
    expect(manifest.host_permissions.length).toBeGreaterThanOrEqual(50);
  });

  it.each(REQUIRED_HOSTS)('covers %s and its www host', (host) => {
    for (const name of [host, `www.${host}`]) {
      expect(
        manifest.host_permissions.some((pattern) => covers(pattern, name)),
        name,
      ).toBe(true);
    }
  });
});
