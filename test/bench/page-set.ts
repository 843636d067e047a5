// The pages the page benchmark highlights, in Chromium and in Firefox alike: every page of
// ../shared/pages and a 2 MB synthetic article, served on one news hostname; and what the
// baselines run on them (mark.js, and the RegExp of every dictionary alias).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { defaultDictionary } from '../../src/core/actors/load';
import { articlePage } from '../../src/demo/server';
import { syntheticArticles } from './synthetic-corpus';

/** A hostname the manifest matches, so the extension runs as shipped. */
export const HOST = 'www.reuters.com';

/** The one page that is not a real one: the DOMContentLoaded target leaves it out. */
export const SYNTHETIC = 'synthetic-2mb';

const SHARED = new URL('../../../shared/pages/', import.meta.url).pathname;

/** "host/path" -> HTML, as startNewsServer serves it. */
export function benchPages(): Record<string, string> {
  const files = existsSync(SHARED)
    ? readdirSync(SHARED)
        .filter((f) => f.endsWith('.html'))
        .sort()
    : [];
  if (files.length === 0) console.log(`page: ${SHARED} is absent, so only the synthetic article is measured`);
  const pages: Record<string, string> = Object.fromEntries(
    files.map((f) => [`${HOST}/bench/${f.replace(/\.html$/, '')}`, readFileSync(join(SHARED, f), 'utf8')]),
  );
  pages[`${HOST}/bench/${SYNTHETIC}`] = syntheticPage();
  return pages;
}

function syntheticPage(): string {
  const paragraphs = syntheticArticles(900)
    .map((a) => a.text)
    .join('\n\n')
    .split('\n\n');
  return articlePage({
    title: 'A 2 MB article',
    canonical: `https://${HOST}/bench/${SYNTHETIC}`,
    published: '2012-03-12',
    paragraphs: [...paragraphs, ...paragraphs, ...paragraphs].slice(0, Math.ceil(2_000_000 / 520)),
  });
}

/** mark.js as a script to add to a page. */
export const MARK_JS = readFileSync(createRequire(import.meta.url).resolve('mark.js/dist/mark.min.js'), 'utf8');

const ALIASES = [...new Set(defaultDictionary().surfaces)].sort((a, b) => b.length - a.length);

/** One alternation of every dictionary alias, longest first, between word boundaries. */
export const ALIAS_PATTERN = `(?<![\\p{L}\\p{N}])(?:${ALIASES.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`;
