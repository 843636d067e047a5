// npm run annotate -- FILE [--format jsonld|table] [--published YYYY-MM-DD]
// Prints the annotations of a .txt or .html news article as W3C Web Annotation JSON-LD.
import { readFileSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { annotate } from '../core/annotate';
import { toTable } from '../core/export/table';
import { toWebAnnotation } from '../core/export/web-annotation';
import { extractArticle } from './html-text';

const USAGE = 'usage: npm run annotate -- FILE [--format jsonld|table] [--published YYYY-MM-DD]';

interface Args {
  file: string;
  format: 'jsonld' | 'table';
  published: string | null;
}

/** Parse the command line; throws a one-line message on anything wrong. */
export function parseArgs(argv: string[]): Args {
  let file: string | null = null;
  let format: Args['format'] = 'jsonld';
  let published: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--format') {
      const f = argv[++i];
      if (f !== 'jsonld' && f !== 'table') throw new Error(`--format must be jsonld or table, not ${f ?? 'nothing'}`);
      format = f;
    } else if (arg === '--published') {
      published = argv[++i] ?? '';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(published))
        throw new Error(`--published must be a date like 2012-03-12, not "${published}"`);
    } else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else if (file) throw new Error('give one file at a time');
    else file = arg;
  }
  if (!file) throw new Error(USAGE);
  return { file, format, published };
}

/** Run the CLI; returns the text to print. Throws a one-line message on bad input. */
export function run(argv: string[]): string {
  const args = parseArgs(argv);
  const path = resolve(args.file);
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new Error(`${args.file} is not a file`);
    size = st.size;
  } catch (e) {
    throw new Error(
      (e as NodeJS.ErrnoException).code === 'ENOENT' ? `${args.file}: no such file` : (e as Error).message,
    );
  }
  if (size > 50 * 1024 * 1024) throw new Error(`${args.file} is ${Math.round(size / 1048576)} MB; the limit is 50 MB`);
  const ext = extname(path).toLowerCase();
  if (!['.txt', '.html', '.htm'].includes(ext)) throw new Error(`${args.file}: expected a .txt or .html file`);
  const raw = readFileSync(path);
  const content = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  const page = ext === '.txt' ? { text: content, published: null, title: null } : extractArticle(content);
  if (!page.text.trim()) throw new Error(`${args.file} has no text to annotate`);
  const published = args.published ?? page.published ?? undefined;
  const annotations = annotate(page.text, published ? { published } : {});
  if (args.format === 'table') return toTable(annotations);
  return JSON.stringify(
    toWebAnnotation(page.text, annotations, {
      source: pathToFileURL(path).href,
      now: new Date(),
      ...(page.title && { label: page.title }),
    }),
    null,
    2,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.stdout.write(`${run(process.argv.slice(2))}\n`);
  } catch (e) {
    const message =
      e instanceof TypeError && /encoded data/.test(e.message)
        ? 'the file is not valid UTF-8 text'
        : (e as Error).message;
    process.stderr.write(`crosswire annotate: ${message}\n`);
    process.exitCode = 1;
  }
}
