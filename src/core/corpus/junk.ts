/**
 * Lines of page furniture that scrapers keep: icon sprites, share rows, cookie banners,
 * "Advertisement", "Read more:", image credits, navigation, bare timestamps. Each rule
 * looks at the shape of a line (words of site chrome, repetition, no sentence), not at
 * any one site's markup, so new sites' junk is caught without a patch per site.
 */

/** Words that carry a sentence; a line of prose has plenty, a row of buttons has none. */
const FUNCTION_WORDS = new Set(
  (
    'a an the of to in on at by for from with and or but nor is are was were be been being has have had ' +
    'do does did it its this that these those as not no will would can could may might shall should ' +
    'he she they we you i his her their our your who which what when where said says than into about ' +
    'after over up out if so'
  ).split(' '),
);

/** Words of site chrome: buttons, banners, social networks, players. */
const UI_WORDS = new Set(
  (
    'share shares sharing facebook twitter tweet email e-mail mail whatsapp telegram linkedin reddit ' +
    'pinterest messenger flipboard vk youtube instagram tiktok rss print copy copied link links permalink ' +
    'comments comment cookie cookies accept reject decline manage preferences settings consent privacy ' +
    'subscribe subscribed subscription subscribers newsletter newsletters sign register login logout log ' +
    'account menu search close icon icons advertisement advertising ad ads sponsored promoted read more ' +
    'related recommended topics tags skip content follow watch listen live video videos audio podcast ' +
    'photo photos gallery slideshow next previous prev back top home bookmark save saved download app ' +
    'play pause mute unmute fullscreen expand collapse loading toggle navigation click tap here continue ' +
    'reading view show hide allow ok got feedback contact all'
  ).split(' '),
);

/** A lead-in label before a link to another page: "Read more: …", "Related: …". */
const LEAD_IN_LABELS = [
  'read more|read also|also read|see also',
  'related(?: articles?| stories| coverage| content| topics)?|more on this(?: story)?',
  'recommended|most read|trending|watch|listen|in pictures|tags|topics',
].join('|');
const LEAD_IN = new RegExp(String.raw`^(?:${LEAD_IN_LABELS})\s*[:|»›>]`, 'i');

/** Buttons and widgets that read as a phrase: "Continue reading the main story". */
const BUTTON_PHRASES = [
  'continue reading',
  'read (?:the )?(?:full|next) (?:story|article)',
  '(?:story|article) continues (?:below|after)',
  'scroll (?:down )?to continue',
  'report this ad|click here|powered by',
  'listen to (?:this|the) (?:article|story)',
].join('|');
const BUTTON_PHRASE = new RegExp(String.raw`^(?:${BUTTON_PHRASES})\b`, 'i');

/** Wording only boilerplate uses; one of these in a line is enough. */
const BOILERPLATE_ALONE = [
  /\ball rights reserved\b/i,
  /^(?:©|\(c\)\s|copyright\s+(?:©\s*)?\d{4})/i,
  /\b(?:enable|turn on) javascript\b|\bjavascript (?:is )?(?:disabled|required)\b/i,
  /\bad ?blocker\b/i,
];

/**
 * Wording that banners use and articles rarely: two different ones, in a line that speaks
 * to the reader ("we use cookies", "our newsletter"), make a banner. A report on privacy
 * law may use the words, but seldom says "your inbox".
 */
const BOILERPLATE_PAIR = [
  /\bcookies?\b/i,
  /\bconsent\b/i,
  /\bprivacy (?:policy|notice|settings)\b/i,
  /\bterms (?:of (?:use|service)|and conditions)\b/i,
  /\bnewsletters?\b/i,
  /\bsubscri(?:be|ption)\b/i,
  /\bsign (?:up|in)\b/i,
  /\blog ?in\b/i,
  /\binbox\b/i,
  /\bunsubscribe\b/i,
  /\bbrowser\b/i,
];

const PICTURE_WORDS = 'photo|image|photograph|picture|pic|illustration|video|graphic|map|chart|foto|bild';
const AGENCIES = 'ap|afp|reuters|epa|getty|xinhua|sputnik|tass|anadolu|ansa|dpa|upi|pool|file';

/** Image credits and captions' credit tails: "(AP Photo/Bilal Hussein)", "Photo: Reuters", "REUTERS/Yuri Gripas". */
const IMAGE_CREDIT = [
  new RegExp(String.raw`^\(?(?:file\s+)?(?:${PICTURE_WORDS})s?(?:\s+(?:credit|by|courtesy(?:\s+of)?))?\s*[:/]`, 'i'),
  /^\(?(?:credit|courtesy|crédit(?: photo)?)\s*:/i,
  // "Credit Harry Campbell": the word and a name, nothing else.
  /^(?:[Pp]hoto |[Ii]mage )?[Cc]redit:?(?: \p{Lu}[\p{L}.'’-]*){2,4}(?:\/.*)?$/u,
  /\b(?:getty images|ap photo|afp photo|epa-efe|shutterstock|alamy|via getty)\b/i,
  new RegExp(String.raw`^\(?(?:${AGENCIES})\b[^/]{0,20}\/\s*\p{Lu}[\p{L} .'-]+\)?$`, 'iu'),
];

const DATE_LABEL = /^(?:(?:first |last )?(?:published|updated|posted|modified)(?: on| at)?\s*:?\s*)/i;
/** One word of a bare timestamp: "12:30", "Sept.", "Tues", "GMT", "ago", or a separator. */
const DATE_WORDS = [
  String.raw`\d{1,4}(?:[:./-]\d{1,4})*(?:st|nd|rd|th|am|pm|h)?`,
  String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`,
  String.raw`(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?`,
  String.raw`gmt|utc|bst|cet|cest|est|edt|pst|pdt|msk|am|pm|a\.m\.|p\.m\.`,
  String.raw`ago|hours?|hrs?|minutes?|mins?|days?|weeks?|at|on|\||-|—|·`,
].join('|');
const DATE_WORD = new RegExp(`^(?:${DATE_WORDS})$`, 'i');

const ADDRESSES_READER = /\b(?:you|your|we|our|us)\b/i;
const TERMINAL = /[.!?…]["”’')\]]*$/;
const QUOTE_MARK = /["“”«»„]/;
const SEPARATORS = /\s[|•›»·]\s|\s\/\s/g;

/** Whether a line (already whitespace-normalised) is page furniture rather than article text. */
export function isJunkLine(line: string): boolean {
  if (!/\p{L}/u.test(line)) return true; // "|", "—", "1/12": nothing to read
  const tokens = line.split(' ');
  if (BOILERPLATE_ALONE.some((re) => re.test(line))) return true;
  if (tokens.length <= 60 && ADDRESSES_READER.test(line) && BOILERPLATE_PAIR.filter((re) => re.test(line)).length >= 2)
    return true;
  if (tokens.length <= 14 && IMAGE_CREDIT.some((re) => re.test(line))) return true;
  if (tokens.length <= 20 && (LEAD_IN.test(line) || BUTTON_PHRASE.test(line))) return true;
  if (TERMINAL.test(line) && !line.endsWith('…') && !line.endsWith('...')) return false; // a sentence
  return isDateLine(line) || isNavigation(line) || isButtonRow(line, tokens) || isIconSprite(tokens);
}

/** "Published 12 March 2012, 14:02 GMT", "Updated 3 hours ago". */
function isDateLine(line: string): boolean {
  const labelled = DATE_LABEL.test(line);
  const words = line.replace(DATE_LABEL, '').replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  return (
    words.length > 0 && words.length <= 10 && words.every((w) => DATE_WORD.test(w)) && (labelled || /\d/.test(line))
  );
}

/** Breadcrumbs and menus: "Home | World | Middle East". */
function isNavigation(line: string): boolean {
  const parts = line.split(SEPARATORS);
  return parts.length >= 3 && parts.every((p) => p.split(' ').length <= 4);
}

/** "Share on Facebook Share on Twitter Email", "Accept all cookies Manage preferences", "Advertisement". */
function isButtonRow(line: string, tokens: string[]): boolean {
  if (tokens.length > 16 || QUOTE_MARK.test(line)) return false;
  const words = tokens.map(bare).filter((w) => /\p{L}/u.test(w) && !FUNCTION_WORDS.has(w));
  if (words.length === 0) return false;
  return words.filter((w) => UI_WORDS.has(w)).length / words.length >= 0.6;
}

/**
 * Icon sprites and tag clouds: a long line of short tokens with no function words, many
 * of them repeated or glued together ("bookmarkicon cameraicon checkicon chevron downicon").
 */
function isIconSprite(tokens: string[]): boolean {
  if (tokens.length < 8) return false;
  // The first 300 words tell; the pairwise glue check must stay cheap on a huge line.
  const words = tokens
    .slice(0, 300)
    .map(bare)
    .flatMap((w) => w.split('-'))
    .filter(Boolean);
  if (words.length === 0) return false;
  if (words.filter((w) => FUNCTION_WORDS.has(w)).length / words.length >= 0.1) return false;
  return Math.max(repeated(words), glued(words)) >= 0.3;
}

const bare = (token: string) => token.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/** Share of tokens that repeat an earlier one. */
function repeated(words: string[]): number {
  return 1 - new Set(words).size / words.length;
}

/** Share of tokens that are another token of the line with something glued on ("cameraicon" beside "icon"). */
function glued(words: string[]): number {
  const parts = [...new Set(words)].filter((w) => w.length >= 3);
  const isGlued = (w: string) =>
    parts.some((p) => p !== w && w.length - p.length >= 2 && (w.startsWith(p) || w.endsWith(p)));
  return words.filter(isGlued).length / words.length;
}
