import type { FeedSource } from './types';

/** A feed of an outlet's world or politics news. */
const feed = (outlet: string, title: string, url: string): FeedSource => ({ url, outlet, title });

/**
 * The world and politics feeds of the default outlets (src/core/corpus/outlets.json), one per
 * outlet that publishes one, each tied to its outlet id. None of these addresses could be
 * checked when the list was written (no network): docs/feeds.md says so, and lists the
 * outlets left out and why. A feed that fails shows its error on the options page and stops
 * no other.
 */
export const DEFAULT_FEEDS: readonly FeedSource[] = [
  feed('abc.net.au', 'ABC News (Australia): World', 'https://www.abc.net.au/news/feed/52278/rss.xml'),
  feed('africanews.com', 'Africanews', 'https://www.africanews.com/feed/rss'),
  feed('aljazeera.com', 'Al Jazeera: News', 'https://www.aljazeera.com/xml/rss/all.xml'),
  feed('arabnews.com', 'Arab News', 'https://www.arabnews.com/rss.xml'),
  feed('bbc.com', 'BBC News: World', 'https://feeds.bbci.co.uk/news/world/rss.xml'),
  feed('bloomberg.com', 'Bloomberg: Politics', 'https://feeds.bloomberg.com/politics/news.rss'),
  feed('cbc.ca', 'CBC News: World', 'https://www.cbc.ca/webfeed/rss/rss-world'),
  feed('cnn.com', 'CNN: World', 'https://rss.cnn.com/rss/edition_world.rss'),
  feed('dawn.com', 'Dawn: World', 'https://www.dawn.com/feeds/world'),
  // RDF (RSS 1.0); DW publishes the same feed as RSS 2.0 and Atom too: one copy is fetched, not three.
  feed('dw.com', 'DW: World', 'https://rss.dw.com/rdf/rss-en-world'),
  feed('economist.com', 'The Economist: International', 'https://www.economist.com/international/rss.xml'),
  feed('euractiv.com', 'Euractiv', 'https://www.euractiv.com/feed/'),
  feed('euronews.com', 'Euronews: News', 'https://www.euronews.com/rss?level=theme&name=news'),
  feed('foreignaffairs.com', 'Foreign Affairs', 'https://www.foreignaffairs.com/rss.xml'),
  feed('foreignpolicy.com', 'Foreign Policy', 'https://foreignpolicy.com/feed/'),
  feed('france24.com', 'France 24', 'https://www.france24.com/en/rss'),
  feed('ft.com', 'Financial Times: World', 'https://www.ft.com/world?format=rss'),
  feed('globaltimes.cn', 'Global Times', 'https://www.globaltimes.cn/rss/outbrain.xml'),
  feed(
    'hindustantimes.com',
    'Hindustan Times: World',
    'https://www.hindustantimes.com/feeds/rss/world-news/rssfeed.xml',
  ),
  feed('japantimes.co.jp', 'The Japan Times', 'https://www.japantimes.co.jp/feed/'),
  feed('kyivindependent.com', 'The Kyiv Independent', 'https://kyivindependent.com/news-archive/rss/'),
  feed('lemonde.fr', 'Le Monde in English: International', 'https://www.lemonde.fr/en/international/rss_full.xml'),
  feed('middleeasteye.net', 'Middle East Eye', 'https://www.middleeasteye.net/rss'),
  feed('news.cn', 'Xinhua: World', 'https://www.xinhuanet.com/english/rss/worldrss.xml'),
  feed('npr.org', 'NPR: World', 'https://feeds.npr.org/1004/rss.xml'),
  feed('nytimes.com', 'The New York Times: World', 'https://rss.nytimes.com/services/xml/rss/nyt/World.xml'),
  feed('politico.com', 'Politico: Politics', 'https://rss.politico.com/politics-news.xml'),
  feed('politico.eu', 'Politico Europe', 'https://www.politico.eu/feed/'),
  feed('rt.com', 'RT: News', 'https://www.rt.com/rss/news/'),
  feed('scmp.com', 'South China Morning Post: World', 'https://www.scmp.com/rss/91/feed'),
  feed('spiegel.de', 'Der Spiegel: International', 'https://www.spiegel.de/international/index.rss'),
  feed('tass.com', 'TASS: World', 'https://tass.com/rss/v2.xml'),
  feed('thediplomat.com', 'The Diplomat', 'https://thediplomat.com/feed/'),
  feed('theguardian.com', 'The Guardian: World', 'https://www.theguardian.com/world/rss'),
  feed('thehindu.com', 'The Hindu: International', 'https://www.thehindu.com/news/international/feeder/default.rss'),
  feed('themoscowtimes.com', 'The Moscow Times: News', 'https://www.themoscowtimes.com/rss/news'),
  feed('timesofisrael.com', 'The Times of Israel', 'https://www.timesofisrael.com/feed/'),
  feed('un.org', 'UN News', 'https://news.un.org/feed/subscribe/en/news/all/rss.xml'),
  feed('washingtonpost.com', 'The Washington Post: World', 'https://feeds.washingtonpost.com/rss/world'),
  feed('wsj.com', 'The Wall Street Journal: World', 'https://feeds.a.dj.com/rss/RSSWorldNews.xml'),
  feed('yna.co.kr', 'Yonhap: News', 'https://en.yna.co.kr/RSS/news.xml'),
];
