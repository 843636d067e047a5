/**
 * A JSON Lines file (a file from disk, or a shared corpus as fetched) read in parts, each
 * small enough for one import message: a file may be far larger than a message (64 MiB) or
 * a string a page or the background should hold.
 */
import { checkJsonLines, problemsError } from '../core/corpus/import-format';
import type { Result } from '../messages';

/**
 * A part holds at most this many lines, and this many characters (but always one line); the
 * file is read from disk this many bytes at a time. A line longer than `lineChars` stops the
 * reading (LineTooLong): an article is at most 8 million characters (import-format.ts), and
 * a file of one endless line must not be held whole to find that out.
 */
export const PART_LIMITS = { lines: 5_000, chars: 8_000_000, readBytes: 4 * 1024 * 1024, lineChars: 20_000_000 };

/** Thrown by linesParts for a line longer than its limit. */
export class LineTooLong extends Error {}

/** A run of whole lines of the file: their text (each line ended by a newline) and the file's number of the first. */
export interface LinesPart {
  text: string;
  firstLine: number;
  lines: number;
}

/**
 * The file's lines in parts, in order, read as they are asked for. Decoded as UTF-8 across
 * the reads (a character split between two reads is whole), its byte order mark dropped;
 * blank lines are kept, so the parts' line numbers are the file's (`file` may be the rest
 * of a larger file, whose first line is that file's line `startLine`).
 */
export async function* linesParts(file: Blob, limits = PART_LIMITS, startLine = 1): AsyncGenerator<LinesPart> {
  const decoder = new TextDecoder();
  let part: string[] = [];
  let chars = 0;
  let firstLine = startLine;
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
    const long = [...lines, carry].findIndex((line) => line.length > limits.lineChars);
    if (long >= 0)
      throw new LineTooLong(
        `line ${firstLine + part.length + long} is longer than ${limits.lineChars.toLocaleString('en-US')} ` +
          'characters: an article may have at most 8,000,000',
      );
    if (last && lines.at(-1) === '') lines.pop();
    for (const line of lines) {
      if (part.length && (part.length >= limits.lines || chars + line.length > limits.chars)) yield cut();
      part.push(line);
      chars += line.length + 1;
    }
  }
  if (part.length) yield cut();
}

/** What checking a JSON Lines file found: how many articles each of its parts holds. */
export interface CheckedLines {
  parts: number[];
  total: number;
}

/**
 * Every part of a JSON Lines file checked with the import's rules before any is imported, so
 * a problem anywhere imports nothing, as with a file sent whole. `limits` must be those the
 * parts are then read with, so that the counts are theirs. A file of no article is refused,
 * unless `allowEmpty` (a backup may hold notes alone).
 */
export async function checkLinesFile(
  file: Blob,
  limits = PART_LIMITS,
  startLine = 1,
  allowEmpty = false,
): Promise<Result<CheckedLines>> {
  const problems: string[] = [];
  const parts: number[] = [];
  try {
    for await (const part of linesParts(file, limits, startLine)) {
      const checked = checkJsonLines(part.text, part.firstLine);
      if (!checked.ok) return checked;
      problems.push(...checked.problems);
      parts.push(checked.articles);
    }
  } catch (error) {
    if (error instanceof LineTooLong) return { ok: false, error: `${error.message}; nothing was imported` };
    throw error;
  }
  if (problems.length) return { ok: false, error: problemsError(problems) };
  const total = parts.reduce((a, b) => a + b, 0);
  return total || allowEmpty
    ? { ok: true, value: { parts, total } }
    : { ok: false, error: 'the file holds no articles' };
}

/**
 * The file's first line (without its line ending or a byte order mark) and how many bytes it
 * takes with its newline, so the rest of the file is `file.slice(bytes)`; a LineTooLong
 * past `maxChars` characters (about: bytes are counted).
 */
export async function firstLineOf(file: Blob, maxChars: number, readBytes = PART_LIMITS.readBytes) {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < file.size; at += readBytes) {
    const bytes = new Uint8Array(await file.slice(at, at + readBytes).arrayBuffer());
    const end = bytes.indexOf(0x0a);
    chunks.push(end < 0 ? bytes : bytes.subarray(0, end));
    if (end >= 0) return { text: lineText(chunks), bytes: at + end + 1 };
    if (at + bytes.length > maxChars)
      throw new LineTooLong(`line 1 is longer than ${maxChars.toLocaleString('en-US')} characters`);
  }
  return { text: lineText(chunks), bytes: file.size };
}

/** A line's bytes as text: UTF-8, its byte order mark and a carriage return at its end dropped. */
function lineText(chunks: Uint8Array[]): string {
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return new TextDecoder().decode(bytes).replace(/\r$/, '');
}
