// A local HTTPS server that answers for real news hostnames, so the demo (npm start) and the
// tests exercise the manifest's real match patterns: Chromium is started with
// --host-resolver-rules mapping those names to this server, and --ignore-certificate-errors
// for its self-signed certificate (made here with openssl, for this run only). It serves
// only 127.0.0.1; nothing leaves the machine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface NewsServer {
  port: number;
  /** Chromium arguments that send every given host to this server. */
  chromiumArgs: string[];
  close(): Promise<void>;
}

/** An answer of its own: a feed with its headers, a redirect, a slow or failing server. */
export type Responder = (req: IncomingMessage, res: ServerResponse) => void;

/** Serve `pages` ("host/path" -> HTML, or a responder) over HTTPS on 127.0.0.1. */
export async function startNewsServer(pages: Record<string, string | Responder>): Promise<NewsServer> {
  const dir = mkdtempSync(join(tmpdir(), 'crosswire-tls-'));
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-subj',
        '/CN=crosswire-test',
        '-days',
        '2',
      ],
      { stdio: 'ignore' },
    );
  } catch (error) {
    throw new Error(
      `the demo news site makes a TLS certificate with openssl, which failed (${(error as Error).message}); ` +
        'install it with: apt-get install -y openssl',
    );
  }
  const server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/favicon.ico') {
      res.writeHead(204).end(); // browsers ask for it; an empty answer keeps consoles clean
      return;
    }
    const page = pages[`${(req.headers.host ?? '').split(':')[0]}${path}`];
    if (typeof page === 'function') return page(req, res);
    res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page ?? '<!doctype html><title>Not found</title><p>Not found</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const hosts = [...new Set(Object.keys(pages).map((p) => p.split('/')[0]!))];
  return {
    port,
    chromiumArgs: [
      `--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ')}`,
      '--ignore-certificate-errors',
    ],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// The site chrome every article page shares: its stylesheet and its navigation.
const SITE_STYLE =
  'body{font:17px/1.6 Georgia,serif;margin:0;color:#222;background:#fff}' +
  'header{background:#1d2a44;color:#fff;padding:12px 24px}\n' +
  'header nav a{color:#fff;margin-right:16px;text-decoration:none}' +
  'main{max-width:680px;margin:24px auto;padding:0 16px}\n' +
  'h1{font:700 30px/1.2 system-ui,sans-serif}h2{font:700 20px/1.3 system-ui,sans-serif;margin-top:28px}' +
  '.credit{color:#666;font-style:italic}\n' +
  'aside{border-top:1px solid #ddd;margin-top:32px;padding-top:8px;color:#555;font:14px system-ui,sans-serif}';
const SITE_NAV =
  '<nav><a href="/">Home</a><a href="/world">World</a>' +
  '<a href="/business">Business</a><a href="/sport">Sport</a></nav>';

/** A plausible news article page: metadata, site chrome, and the article's blocks. */
export function articlePage(opts: {
  site?: string;
  title: string;
  canonical: string;
  published: string;
  paragraphs: string[];
  subheads?: Set<number>;
  credit?: string;
}): string {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = opts.paragraphs
    .map((p, i) => (opts.subheads?.has(i) ? `<h2>${esc(p)}</h2>` : `<p>${esc(p)}</p>`))
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(opts.title)}</title>
<link rel="canonical" href="${opts.canonical}"><meta property="og:type" content="article">
<meta property="article:published_time" content="${opts.published}T09:00:00Z">
<style>${SITE_STYLE}</style></head>
<body><header><strong>${esc(opts.site ?? 'News')}</strong> ${SITE_NAV}</header>
<main><article><h1>${esc(opts.title)}</h1><p><time datetime="${opts.published}">${opts.published}</time></p>
${body}
${opts.credit ? `<p class="credit">${esc(opts.credit)}</p>` : ''}</article>
<aside>Most read: Markets rally as oil slips · Storm warning for the coast · Cup final tickets</aside></main>
<footer style="padding:24px;color:#595959;font:13px system-ui">© ${esc(opts.site ?? 'News')}</footer></body></html>`;
}
