/** Seeded word soup: reproducible texts with a known overlap, for the text-similarity tests. */
export function soup(seed: number, n: number): string[] {
  let s = seed;
  const next = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % 5000;
  };
  return Array.from({ length: n }, () => `w${next()}`);
}
