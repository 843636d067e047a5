/**
 * A link to a sentence in another article: a URL text fragment (#:~:text=start,end), which
 * browsers scroll to and highlight. Commas, dashes and ampersands are percent-encoded, as
 * the syntax requires.
 */
export function linkToSentence(url: string, sentence: string): string {
  const words = sentence.replace(/\s+/g, ' ').trim().split(' ');
  const enc = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D').replace(/,/g, '%2C');
  const fragment =
    words.length <= 8 ? enc(words.join(' ')) : `${enc(words.slice(0, 4).join(' '))},${enc(words.slice(-3).join(' '))}`;
  return `${url.split('#')[0]}#:~:text=${fragment}`;
}
