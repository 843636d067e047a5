/**
 * Feed bytes to text. Feeds still come in legacy encodings (ISO-8859-1, windows-1251, …)
 * declared in the Content-Type header or the XML declaration, so the body cannot simply be
 * read as UTF-8.
 */

/** The byte order marks TextDecoder knows, longest first. */
const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

/**
 * Decode a feed: a byte order mark decides first (RFC 7303 gives it precedence over the
 * charset parameter, and it cannot be wrong), then the Content-Type header's charset, then
 * the XML declaration's encoding, else UTF-8. An unknown label falls back to UTF-8;
 * undecodable bytes become U+FFFD.
 */
export function decodeFeed(bytes: Uint8Array, contentType: string | null): string {
  const bom = BOMS.find(([mark]) => mark.every((b, i) => bytes[i] === b));
  const label = bom?.[1] ?? headerCharset(contentType) ?? declaredEncoding(bytes) ?? 'utf-8';
  return decoder(label)
    .decode(bytes)
    .replace(/^\uFEFF/, '');
}

function decoder(label: string): TextDecoder {
  try {
    return new TextDecoder(label);
  } catch {
    return new TextDecoder('utf-8'); // an unknown label
  }
}

function headerCharset(contentType: string | null): string | null {
  return contentType ? (/;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType)?.[1] ?? null) : null;
}

/** The encoding in `<?xml … encoding="…"?>`, read as ASCII from the first bytes (every label is ASCII). */
function declaredEncoding(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, 256));
  return /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(head)?.[1] ?? null;
}
