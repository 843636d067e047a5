/**
 * A JSON Lines file read from disk in parts, each small enough for one import message: a file
 * may be far larger than a message (64 MiB) or a string the page should hold.
 */

/**
 * A part holds at most this many lines, and this many characters (but always one line); the
 * file is read from disk this many bytes at a time.
 */
export const PART_LIMITS = { lines: 5_000, chars: 8_000_000, readBytes: 4 * 1024 * 1024 };

/** A run of whole lines of the file: their text (each line ended by a newline) and the file's number of the first. */
export interface LinesPart {
  text: string;
  firstLine: number;
  lines: number;
}

/**
 * The file's lines in parts, in order, read as they are asked for. Decoded as UTF-8 across
 * the reads (a character split between two reads is whole), its byte order mark dropped;
 * blank lines are kept, so the parts' line numbers are the file's.
 */
export async function* linesParts(file: Blob, limits = PART_LIMITS): AsyncGenerator<LinesPart> {
  const decoder = new TextDecoder();
  let part: string[] = [];
  let chars = 0;
  let firstLine = 1;
  const cut = (): LinesPart => {
    const done = { text: `${part.join('\n')}\n`, firstLine, lines: part.length };
    firstLine += part.length;
    part = [];
    chars = 0;
    return done;
  };
  let carry = '';
  for (let at = 0; at < file.size; at += limits.readBytes) {
    const last = at + limits.readBytes >= file.size;
    const read = decoder.decode(await file.slice(at, at + limits.readBytes).arrayBuffer(), { stream: !last });
    const lines = (carry + read).split('\n');
    // The last piece may go on in the next read; at the file's end it is the last line.
    carry = last ? '' : lines.pop()!;
    if (last && lines.at(-1) === '') lines.pop();
    for (const line of lines) {
      if (part.length && (part.length >= limits.lines || chars + line.length > limits.chars)) yield cut();
      part.push(line);
      chars += line.length + 1;
    }
  }
  if (part.length) yield cut();
}
