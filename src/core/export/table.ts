import type { Annotation } from '../types';

/** A readable plain-text table of annotations, one per line, for the terminal. */
export function toTable(annotations: readonly Annotation[]): string {
  const rows = annotations.map((a) => [a.kind, `${a.start}-${a.end}`, clip(a.text, 48), details(a)]);
  const header = ['kind', 'offsets', 'text', 'details'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function details(a: Annotation): string {
  if (a.kind === 'actor') {
    const who = a.actorId ? `${a.label} [${a.actorId}]` : `ambiguous: ${(a.candidates ?? []).join(', ')}`;
    return `${a.actorType} ${who} via ${a.via}${a.role ? ` (${a.role})` : ''}${a.locational ? ' locational' : ''}`;
  }
  if (a.kind === 'figure') {
    const value = a.low !== undefined ? `${a.low}-${a.high}` : a.value === null ? 'vague' : String(a.value);
    return `${a.counts}: ${a.qualifier ? `${a.qualifier} ` : ''}${value} ${a.unit}${a.attribution ? `, per ${a.attribution.label}` : ''}`;
  }
  return `speaker: ${a.speaker ?? 'unknown'}${a.speakerId ? ` [${a.speakerId}]` : ''}${a.partial ? ', partial' : ''}`;
}

const clip = (s: string, n: number) => {
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};
