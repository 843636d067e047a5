/**
 * An article's identity on the web: one URL for every way a reader reaches it (shared
 * links with tracking tags, http, "www.", fragments), and the outlet's registrable domain.
 */

/** Query parameters that track the reader or the campaign, never pick the article. */
const TRACKING = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  'ocid',
  'cmpid',
  'cmp',
  'ref',
  'ref_src',
  'ref_url',
  'referrer',
  'spm',
  'smid',
  'smtyp',
  'src',
  'ito',
  'sr_share',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'mbid',
  'oly_enc_id',
  'oly_anon_id',
  'vero_id',
  'wt.mc_id',
  'at_medium',
  'at_campaign',
  'at_custom1',
  'at_custom2',
  'at_custom3',
  'at_custom4',
  'ns_mchannel',
  'ns_source',
  'ns_campaign',
  'ns_linkname',
  'ns_fee',
  'taid',
]);
const TRACKING_PREFIX = /^(?:utm_|at_|ns_|pk_|mtm_|hsa_)/;

/** Second-level public suffixes of the countries our outlets publish from. */
const TWO_LEVEL_SUFFIXES = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'me.uk',
  'ltd.uk',
  'plc.uk',
  'com.au',
  'net.au',
  'org.au',
  'edu.au',
  'gov.au',
  'co.jp',
  'or.jp',
  'ne.jp',
  'ac.jp',
  'go.jp',
  'co.kr',
  'or.kr',
  'go.kr',
  'co.nz',
  'org.nz',
  'govt.nz',
  'co.za',
  'org.za',
  'gov.za',
  'co.in',
  'net.in',
  'org.in',
  'gov.in',
  'co.il',
  'org.il',
  'gov.il',
  'co.id',
  'or.id',
  'com.cn',
  'net.cn',
  'org.cn',
  'gov.cn',
  'com.hk',
  'org.hk',
  'gov.hk',
  'com.tw',
  'org.tw',
  'gov.tw',
  'com.sg',
  'com.my',
  'com.ph',
  'com.pk',
  'com.bd',
  'com.tr',
  'gov.tr',
  'com.eg',
  'com.sa',
  'com.qa',
  'com.kw',
  'com.lb',
  'com.jo',
  'com.ng',
  'com.gh',
  'co.ke',
  'co.ug',
  'co.tz',
  'com.ua',
  'org.ua',
  'com.ru',
  'org.ru',
  'com.br',
  'com.ar',
  'com.mx',
  'com.co',
  'com.pe',
  'com.ve',
  'gob.mx',
  'gov.br',
]);

/**
 * The canonical form of an article URL: rel=canonical, else og:url (both resolved against
 * the page URL), else the URL itself; https, lower-case host without "www.", no fragment
 * or tracking parameters, sorted query, no trailing slash. Null when none is a web URL.
 */
export function canonicalUrl(
  url: string,
  hints: { canonical?: string | null; ogUrl?: string | null } = {},
): string | null {
  const page = parse(url);
  for (const candidate of [hints.canonical, hints.ogUrl]) {
    const parsed = candidate ? parse(candidate, page) : null;
    if (parsed) return normalise(parsed);
  }
  return page ? normalise(page) : null;
}

/** The outlet of a URL or host name: its registrable domain ("edition.cnn.com" → "cnn.com"); "" for garbage. */
export function outletOf(url: string): string {
  const parsed = parse(url.includes('://') ? url : `https://${url.trim()}`);
  if (!parsed) return '';
  const host = parsed.hostname.replace(/\.$/, '');
  if (/^[\d.]+$/.test(host) || host.startsWith('[')) return host; // an IP address has no registrable part
  const labels = host.split('.');
  const keep = labels.length >= 3 && TWO_LEVEL_SUFFIXES.has(labels.slice(-2).join('.')) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

function parse(url: string, base?: URL | null): URL | null {
  try {
    const parsed = new URL(url.trim(), base ?? undefined);
    // A page URL must name a host with a dot: "https://localhost" is not an article.
    return /^https?:$/.test(parsed.protocol) && parsed.hostname.includes('.') ? parsed : null;
  } catch {
    return null;
  }
}

function normalise(url: URL): string {
  const host = url.hostname.replace(/^www\./, '').replace(/\.$/, '');
  const port = url.port && url.port !== '443' ? `:${url.port}` : ''; // http's :80 is already gone
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') || '/' : '/';
  // Keep each pair as written (its encoding too); only drop trackers and sort.
  const pairs = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair && !isTracking(pair.split('=')[0]!))
    .sort();
  return `https://${host}${port}${path}${pairs.length ? `?${pairs.join('&')}` : ''}`;
}

function isTracking(key: string): boolean {
  let name: string;
  try {
    name = decodeURIComponent(key.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    name = key.toLowerCase();
  }
  return TRACKING.has(name) || TRACKING_PREFIX.test(name);
}
