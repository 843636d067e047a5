import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** One figure of `npm run bench`: its value, and the baseline measured in the same run with their ratio, if any. */
export type BenchResults = Record<
  string,
  { value: number; unit: string; baseline: number | null; ratio: number | null }
>;

const OUT = 'out/bench.json';

/** Add a benchmark's figures to out/bench.json, keeping the other benchmarks' figures of the run. */
export function mergeResults(results: BenchResults): void {
  const previous = existsSync(OUT) ? (JSON.parse(readFileSync(OUT, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(OUT, `${JSON.stringify({ ...previous, ...results }, null, 2)}\n`);
  console.log(`wrote ${OUT}`);
}
