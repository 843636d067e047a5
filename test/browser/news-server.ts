// A local HTTPS server that answers for real news hostnames, so tests exercise the
// manifest's real match patterns: Chromium is started with --host-resolver-rules mapping
// those names to this server, and --ignore-certificate-errors for its self-signed
// certificate (made here with openssl, for the test run only).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
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

/** Serve `pages` ("host/path" -> HTML) over HTTPS on 127.0.0.1. */
export async function startNewsServer(pages: Record<string, string>): Promise<NewsServer> {
  const dir = mkdtempSync(join(tmpdir(), 'crosswire-tls-'));
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-subj', '/CN=crosswire-test', '-days', '2'], { stdio: 'ignore' });
  } catch (error) {
    throw new Error(`the news-page tests make a TLS certificate with openssl, which failed (${(error as Error).message}); install it with: apt-get install -y openssl`);
  }
  const server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const page = pages[`${(req.headers.host ?? '').split(':')[0]}${path}`];
    res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page ?? '<!doctype html><title>Not found</title><p>Not found</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const hosts = [...new Set(Object.keys(pages).map((p) => p.split('/')[0]!))];
  return {
    port,
    chromiumArgs: [`--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ')}`, '--ignore-certificate-errors'],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A plausible news article page: metadata, site chrome, and the article's paragraphs. */
export function articlePage(opts: { title: string; canonical: string; published: string; paragraphs: string[] }): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${opts.title}</title>
<link rel="canonical" href="${opts.canonical}"><meta property="og:type" content="article">
<meta property="article:published_time" content="${opts.published}T09:00:00Z"></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>${opts.title}</h1>${opts.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></main>
<footer>© Example</footer></body></html>`;
}
