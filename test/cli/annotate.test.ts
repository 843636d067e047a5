import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/annotate';
import { PAGES } from '../fixtures/paths';

const dir = mkdtempSync(join(tmpdir(), 'crosswire-cli-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('npm run annotate', () => {
  it('prints JSON-LD for a text file', () => {
    const out = JSON.parse(
      run([
        file('a.txt', 'Foreign Minister Sergey Lavrov met Hillary Clinton at the UN.'),
        '--published',
        '2012-03-12',
      ]),
    );
    expect(out.type).toBe('AnnotationCollection');
    expect(out.items.map((i: any) => i.body['crosswire:label'])).toEqual([
      'Sergey Lavrov',
      'Hillary Clinton',
      'United Nations',
    ]);
    expect(out.items[0].target.source).toMatch(/^file:\/\/.*a\.txt$/);
  });

  it('extracts the article from HTML first, and takes its date from the page', () => {
    const html = `<!doctype html><html><head><title>Talks</title><meta property="article:published_time" content="2014-02-01T10:00:00Z"></head>
      <body><nav>Home | World | Sport | Lavrov weather Clinton</nav><article><h1>Talks in Geneva</h1>
      ${'<p>The U.S. Secretary of State met Russian officials in Geneva on Saturday, and the talks went on late into the evening as aides waited outside.</p>'.repeat(4)}
      </article><footer>Contact us</footer></body></html>`;
    const table = run([file('page.html', html), '--format', 'table']);
    expect(table).toContain('person John Kerry');
    expect(table).not.toContain('Hillary Clinton');
    expect(table).not.toMatch(/\bweather\b/);
  });

  const snapshot = `${PAGES}bbc-1.html`;
  if (!existsSync(snapshot)) console.warn(`annotate.test: real-page case skipped, ${snapshot} not found`);
  it.skipIf(!existsSync(snapshot))('annotates a real news page snapshot', () => {
    const out = JSON.parse(run([snapshot]));
    expect(out.items.some((i: any) => i.body['crosswire:label'] === 'Barack Obama')).toBe(true);
  });

  it('fails with one clear line and a non-zero exit on bad input', () => {
    const cli = (...args: string[]) => spawnSync('npx', ['tsx', 'src/cli/annotate.ts', ...args], { encoding: 'utf8' });
    const missing = cli(join(dir, 'nope.txt'));
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim()).toMatch(/^crosswire annotate: .*nope\.txt: no such file$/);
    expect(cli(file('x.pdf', 'x')).stderr).toMatch(/expected a \.txt or \.html file/);
    expect(cli(file('bad.txt', Buffer.from([0xff, 0xfe, 0x41]))).stderr).toMatch(/not valid UTF-8/);
    expect(cli(file('empty.txt', '   ')).stderr).toMatch(/has no text to annotate/);
    expect(cli(file('nobody.html', '<html><body></body></html>')).stderr).toMatch(/no article body found/);
    expect(cli('--published', 'yesterday', 'a.txt').stderr).toMatch(/--published must be a date/);
    expect(cli().stderr).toMatch(/usage: npm run annotate -- FILE/);
    expect(cli(dir).stderr).toMatch(/is not a file/);
  });

  it('runs as npm run annotate', () => {
    const out = execFileSync(
      'npm',
      ['run', '--silent', 'annotate', '--', file('b.txt', 'Kofi Annan left Syria.'), '--format', 'table'],
      { encoding: 'utf8' },
    );
    expect(out).toContain('person Kofi Annan [Q1254] via name');
  });
});
