#!/usr/bin/env node
// Draws the Crosswire mark (two wires crossing on a rounded square) and writes
// icons/icon-{16,32,48,128}.png. Node built-ins only: the shapes are drawn by hand,
// anti-aliased by supersampling, and encoded with zlib, so anyone can regenerate
// the icons without an image toolchain. Run: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'icons');

const NAVY = [22, 42, 82];
const AMBER = [245, 166, 35];
const SKY = [150, 196, 255];

// Geometry lives in a unit square so every size is the same drawing.
const cubic = (p0, p1, p2, p3) => (t) => {
  const u = 1 - t;
  return [0, 1].map((i) => u * u * u * p0[i] + 3 * u * u * t * p1[i] + 3 * u * t * t * p2[i] + t * t * t * p3[i]);
};
const flatten = (curve, steps = 48) => Array.from({ length: steps + 1 }, (_, i) => curve(i / steps));

// Wire B runs under wire A; A gets a navy halo so the crossing reads as over/under.
const WIRE_A = flatten(cubic([0.2, 0.74], [0.5, 0.74], [0.5, 0.26], [0.8, 0.26]));
const WIRE_B = flatten(cubic([0.2, 0.26], [0.5, 0.26], [0.5, 0.74], [0.8, 0.74]));
// Round terminals at the wire ends, like connector pads.
const TERMINALS = [
  [WIRE_A[0], AMBER],
  [WIRE_A.at(-1), AMBER],
  [WIRE_B[0], SKY],
  [WIRE_B.at(-1), SKY],
];

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

function distanceToPolyline(px, py, points) {
  let best = Infinity;
  for (let i = 1; i < points.length; i++) best = Math.min(best, distanceToSegment(px, py, points[i - 1], points[i]));
  return best;
}

function insideRoundedSquare(px, py, inset, radius) {
  const lo = inset + radius;
  const hi = 1 - inset - radius;
  const qx = Math.max(lo - px, 0, px - hi);
  const qy = Math.max(lo - py, 0, py - hi);
  return Math.hypot(qx, qy) <= radius;
}

/** Which colour (or null for transparent) a point of the unit square shows. */
function shade(px, py, wire) {
  if (!insideRoundedSquare(px, py, 0.03, 0.2)) return null;
  for (const [[x, y], colour] of TERMINALS) if (Math.hypot(px - x, py - y) <= wire * 1.05) return colour;
  const toA = distanceToPolyline(px, py, WIRE_A);
  if (toA <= wire / 2) return AMBER;
  if (toA <= wire / 2 + wire * 0.6) return NAVY;
  if (distanceToPolyline(px, py, WIRE_B) <= wire / 2) return SKY;
  return NAVY;
}

/** RGBA pixels for one size, averaging samples×samples points per pixel. */
function draw(size) {
  // Small icons get bolder strokes and more samples so the mark survives at 16 px.
  const wire = size <= 16 ? 0.13 : size <= 32 ? 0.11 : 0.095;
  const samples = size <= 48 ? 8 : 4;
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = shade((x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size, wire);
          if (!colour) continue;
          covered++;
          for (let c = 0; c < 3; c++) sum[c] += colour[c];
        }
      }
      const o = (y * size + x) * 4;
      // Colour is the mean over covered samples (straight alpha); alpha is the coverage.
      for (let c = 0; c < 3; c++) rgba[o + c] = covered ? Math.round(sum[c] / covered) : 0;
      rgba[o + 3] = Math.round((255 * covered) / (samples * samples));
    }
  }
  return rgba;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A minimal PNG: 8-bit RGBA, no interlace, filter 0 on every scanline. */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) raw.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT_DIR, { recursive: true });
for (const size of SIZES) {
  const file = join(OUT_DIR, `icon-${size}.png`);
  writeFileSync(file, encodePng(size, draw(size)));
  console.log(`wrote ${file}`);
}
