/** The hand-written fixture feeds (test/fixtures/feeds/README.md), as bytes or as text. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FEEDS = fileURLToPath(new URL('../../fixtures/feeds/', import.meta.url));

export const feedBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(`${FEEDS}${name}`));
export const feedText = (name: string): string => readFileSync(`${FEEDS}${name}`, 'utf8');
