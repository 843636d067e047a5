import { describe, expect, it } from 'vitest';
import { isJunkLine } from '../../../src/core/corpus/junk';

// Page furniture in the shapes scrapers keep, from many kinds of site; none is from a seed.
const JUNK = [
  // icon sprites and glued button labels, not RT's
  'svg-facebook svg-twitter svg-whatsapp svg-telegram svg-email svg-print svg-close svg-menu svg-search svg-chevron',
  'arrowleft arrowright arrowup arrowdown arrow playbutton pausebutton button closebutton menubutton',
  'Share on Facebook Share on Twitter Email',
  'Share this article Facebook Twitter WhatsApp Copy link',
  'Accept all cookies Manage preferences',
  'Reject all Accept all',
  'We use cookies to improve your experience on our site. By continuing you consent to our use of cookies.',
  'Sign up for our newsletter',
  'Get the best of our journalism in your inbox: subscribe to the Daily Briefing newsletter.',
  'Advertisement',
  'ADVERTISEMENT',
  'Sponsored content',
  'Read more:',
  'Read more: Syria talks collapse as Russia walks out',
  'RELATED: Lavrov and Kerry meet in Geneva',
  'See also » Iran deal timeline',
  'Watch: Ban Ki-moon addresses the General Assembly',
  '(AP Photo/Bilal Hussein)',
  'Photo: Reuters',
  'Image credit: Getty Images',
  'REUTERS/Yuri Gripas',
  'AFP/Getty Images',
  'Photograph: Louai Beshara/AFP via Getty Images',
  '© 2012 Cable News Network. All rights reserved.',
  'Copyright 2024 The Associated Press',
  'Please enable JavaScript to view the comments.',
  'Home | World | Middle East | Syria',
  'News › World › Europe',
  'Published 12 March 2012, 14:02 GMT',
  'Updated 3 hours ago',
  '20 Sep, 2011 07:51',
  '1/12',
  '—',
  'Comments (214)',
  'Follow us on Twitter',
  'Skip to content',
  'Continue reading the main story',
  'Story continues below advertisement',
  'Powered by WidgetCo.com',
  'Credit Harry Campbell',
  'Foto: Archivo',
  'Map: Where the refugees have gone',
];

// Article lines that share a feature with junk (a UI word, no function words, a slash,
// "cookies", a short line) and must stay.
const ARTICLE = [
  'Lavrov rebuffs Clinton call to turn screw on Syria',
  'Palestine statehood bid disputed',
  'Agreement on plan for immediate ceasefire',
  "Security Council cannot 'stand silent,' Clinton says",
  'Canada to give $6M more humanitarian aid to Syria',
  'Sanctions, resolutions, negotiations: Security Council divisions deepen',
  'Syria, Russia, China, Iran, Turkey, Israel, Lebanon, Jordan',
  'Russia says it will share intelligence with Washington.',
  '"Read more," the minister told reporters, "and you will understand."',
  'Share prices fell in Moscow after the vote.',
  'Watch this space, Lavrov said.',
  'The ministry said it would follow the talks closely and watch for any ceasefire violations.',
  'The bakery, famous for its cookies, was shelled on Monday.',
  'Published reports say 7,500 people have been killed.',
  'Next steps for the Quartet',
  'Search for a ceasefire',
  'Israel/Palestine: the long road',
  'Both sides deny responsibility.',
  'The talks continue in Geneva.',
  'Continued fighting in Homs',
  'Credit rating agencies downgrade Russia',
  'Powerful blast hits Damascus',
  'Russia ordered browser makers to block the sites, and users could no longer log in or subscribe to foreign channels.',
  'The EU rules require consent before cookies are stored, the commission said.',
];

describe('isJunkLine', () => {
  it.each(JUNK)('drops %j', (line) => expect(isJunkLine(line)).toBe(true));
  it.each(ARTICLE)('keeps %j', (line) => expect(isJunkLine(line)).toBe(false));
});
